import { ReactNode } from 'react';
import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import { InterchangeErrorPanel } from '../InterchangeErrorPanel';

/** Table options of the catalog-wide lists: 20 a page, search, column filters. */
export const LIST_TABLE_OPTIONS = {
  paging: true,
  pageSize: 20,
  search: true,
  filtering: true,
  padding: 'dense',
} as const;

/**
 * The frame of Interchange's list pages (integrations, webhooks, routes,
 * checks): header, a content header with buttons and help, then the list,
 * or the reason it could not be read.
 */
export function ListPage(props: {
  title: string;
  subtitle: string;
  contentTitle: string;
  /** Buttons before the help button, e.g. links to other pages. */
  actions?: ReactNode;
  /** What the help button says about the list. */
  support: ReactNode;
  /** Shown above the list whether or not it could be read. */
  banner?: ReactNode;
  error?: Error;
  /** Says what failed, e.g. "Could not read the webhooks". */
  errorTitle: string;
  children: ReactNode;
}) {
  return (
    <Page themeId="tool">
      <Header title={props.title} subtitle={props.subtitle} />
      <Content>
        <ContentHeader title={props.contentTitle}>
          {props.actions}
          <SupportButton>{props.support}</SupportButton>
        </ContentHeader>
        {props.banner}
        {props.error ? (
          <InterchangeErrorPanel title={props.errorTitle} error={props.error} />
        ) : (
          props.children
        )}
      </Content>
    </Page>
  );
}
