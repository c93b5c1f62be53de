import { LoggerService } from '@backstage/backend-plugin-api';
import { DeferredEntity } from '@backstage/plugin-catalog-node';

/**
 * What every live-source provider (LiveSourceSync: Kafka topics, RabbitMQ
 * exchanges and queues) must do when its source goes down in the middle of
 * a run: that run and the next apply nothing (a full mutation with a
 * partial set would delete entities), say why and since when, warn that the
 * entities are kept, and keep the outage's start while it lasts. Call it
 * after the first, healthy run applied `applied[0]`; bring the source back
 * afterwards and check the catch-up run.
 */
export async function expectOutageMidRunAppliesNothing(options: {
  provider: {
    refresh(): Promise<{ applied: boolean; entities: number; reason?: string }>;
  };
  /** The recorded mutations (recordingConnection). */
  applied: DeferredEntity[][];
  logger: jest.Mocked<LoggerService>;
  /** Arms the stop of the source in the middle of the next run. */
  stopMidRun(): void;
  /** Whether the armed stop did happen (the hook was used). */
  stoppedMidRun(): boolean;
  /** The reason the interrupted run gives. */
  reason: RegExp;
  /** The warning it logs. */
  warning: RegExp;
  /** When the source became unreachable, as the client says. */
  unreachableSince(): number | undefined;
}): Promise<void> {
  const { provider, applied, logger } = options;
  expect(applied).toHaveLength(1);

  options.stopMidRun();
  const midRun = await provider.refresh();
  expect(options.stoppedMidRun()).toBe(true);
  expect(midRun.applied).toBe(false);
  expect(midRun.reason).toMatch(options.reason);
  expect(applied).toHaveLength(1);
  expect(logger.warn).toHaveBeenCalledWith(
    expect.stringMatching(options.warning),
  );
  const since = options.unreachableSince();
  expect(since).toBeDefined();

  // Still down when the next run starts: nothing applied, same outage.
  const whileDown = await provider.refresh();
  expect(whileDown.applied).toBe(false);
  expect(whileDown.reason).toContain(
    `unreachable since ${new Date(since!).toISOString()}`,
  );
  expect(applied).toHaveLength(1);
}
