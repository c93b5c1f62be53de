import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InterchangeRouter } from '../schema/InterchangeRouter';
import { StrategyGenerator } from './StrategyGenerator';

export interface StrategyRouterOptions {
  httpAuth: HttpAuthService;
  strategy: StrategyGenerator;
}

/** Route /strategy: the generated integration strategy, as Markdown. */
export function addStrategyRoutes(
  router: InterchangeRouter,
  options: StrategyRouterOptions,
): void {
  const { httpAuth, strategy } = options;
  router.get('/strategy', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const markdown = await strategy.generate();
    res.type('text/markdown; charset=utf-8').send(markdown);
  });
}
