import useAsync from 'react-use/esm/useAsync';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  Content,
  ContentHeader,
  Header,
  MarkdownContent,
  Page,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { interchangeApiRef } from '../../api';
import { InterchangeErrorPanel } from '../InterchangeErrorPanel';

/** The file name the download button saves. */
export const STRATEGY_FILE_NAME = 'integration-strategy.md';

function download(markdown: string) {
  const url = URL.createObjectURL(
    new Blob([markdown], { type: 'text/markdown;charset=utf-8' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = STRATEGY_FILE_NAME;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * The integration strategy generated from the catalog, the integration
 * checks and app-config, as the backend serves it, with a Markdown download
 * (for TechDocs or a repository).
 *
 * @public
 */
export function StrategyPage() {
  const api = useApi(interchangeApiRef);
  const { value, loading, error } = useAsync(() => api.getStrategy(), [api]);

  return (
    <Page themeId="tool">
      <Header
        title="Integration strategy"
        subtitle="Patterns, platforms and standards in use, and how well teams follow them, generated from the catalog"
      />
      <Content>
        <ContentHeader title="The documented integration strategy">
          <Button
            variant="outlined"
            color="primary"
            startIcon={<GetAppIcon />}
            disabled={!value}
            onClick={() => value && download(value)}
          >
            Download .md
          </Button>
          <SupportButton>
            The principles come from interchange.strategy.principles in
            app-config; every number comes from the catalog and the latest
            integration checks. `interchange strategy` prints the same document
            from catalog files.
          </SupportButton>
        </ContentHeader>
        {loading && <Progress />}
        {error && (
          <InterchangeErrorPanel
            title="Could not generate the integration strategy"
            error={error}
          />
        )}
        {value && <MarkdownContent content={value} dialect="gfm" />}
      </Content>
    </Page>
  );
}
