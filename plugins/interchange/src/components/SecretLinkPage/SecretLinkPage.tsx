import { useState } from 'react';
import { Route, Routes, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  CopyTextButton,
  Header,
  InfoCard,
  Page,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

type LinkInfo = { id: string; label: string; expiresAt: string };

/** Calls the one-time link API with the signed-in user's token. */
function useSecretLinkApi() {
  const discovery = useApi(discoveryApiRef);
  const { fetch } = useApi(fetchApiRef);
  return async function call<T>(path: string, method = 'GET'): Promise<T> {
    const base = await discovery.getBaseUrl('interchange');
    const response = await fetch(`${base}/secret-links/${path}`, {
      method,
      cache: 'no-store',
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  };
}

/** The backend's own message (which says why and what to do), else the error's. */
function messageOf(error: Error): string {
  return error instanceof ResponseError
    ? error.body?.error?.message ?? error.message
    : error.message;
}

function SecretLinkView() {
  const { id = '' } = useParams();
  const call = useSecretLinkApi();
  // Describing the link does not use it up; revealing does, so that is a
  // deliberate click, not something a page load or a link preview does.
  const info = useAsync(() => call<LinkInfo>(encodeURIComponent(id)), [id]);
  const [revealed, setRevealed] = useState<{ secret: string }>();
  const [revealError, setRevealError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const reveal = async () => {
    setBusy(true);
    try {
      setRevealed(
        await call<{ secret: string }>(
          `${encodeURIComponent(id)}/reveal`,
          'POST',
        ),
      );
    } catch (e) {
      setRevealError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  if (info.loading) {
    return <Progress />;
  }
  const error = revealError ?? (revealed ? undefined : info.error);
  if (error) {
    return (
      // Expanded: the reason says what to do (ask the creator, generate a
      // new secret), so it must not hide behind a click.
      <WarningPanel
        severity="error"
        title="This secret link cannot be opened"
        message={messageOf(error)}
        defaultExpanded
      />
    );
  }
  if (revealed) {
    return (
      <InfoCard title={info.value?.label ?? 'Secret'}>
        <Box display="flex" alignItems="center" mb={2}>
          <Box
            component="code"
            aria-label="secret value"
            p={1}
            mr={1}
            border={1}
            borderRadius={4}
            style={{ wordBreak: 'break-all' }}
          >
            {revealed.secret}
          </Box>
          <CopyTextButton
            text={revealed.secret}
            tooltipText="Copied"
            aria-label="Copy the secret"
          />
        </Box>
        <WarningPanel
          severity="warning"
          title="This secret will not be shown again"
          message="It has been deleted from the portal. Copy it into your secret store now; if you lose it, generate a new one."
          defaultExpanded
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard title={info.value?.label ?? 'Secret'}>
      <Typography paragraph>
        This link opens once, for you only, until{' '}
        {info.value && new Date(info.value.expiresAt).toLocaleString()}. After
        you show the secret it is deleted and cannot be shown again.
      </Typography>
      <Button
        variant="contained"
        color="primary"
        disabled={busy}
        onClick={reveal}
      >
        Show the secret once
      </Button>
    </InfoCard>
  );
}

/**
 * `/interchange/secret-links/:id`: a one-time secret link, e.g. the
 * signing secret the "New webhook subscription" template generated.
 */
export function SecretLinkPage() {
  return (
    <Page themeId="tool">
      <Header
        title="One-time secret"
        subtitle="Shown once, to the person it was made for"
      />
      <Content>
        <Routes>
          <Route path=":id" element={<SecretLinkView />} />
          <Route
            path="*"
            element={
              <WarningPanel
                severity="error"
                title="No secret link here"
                message="Open the link from your scaffolder task; it ends in the link's id."
              />
            }
          />
        </Routes>
      </Content>
    </Page>
  );
}
