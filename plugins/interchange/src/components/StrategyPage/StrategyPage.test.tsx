import { fireEvent, screen } from '@testing-library/react';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { StrategyPage } from './StrategyPage';

const MARKDOWN = `# Integration strategy

## Principles

### Events first

Systems tell, they do not ask.

## Scope

| Style | Integration entities |
| --- | ---: |
| Event | 16 |
`;

describe('StrategyPage', () => {
  it('shows progress while the backend answers', async () => {
    await renderForEntity(<StrategyPage />, {
      interchange: { getStrategy: pending },
    });
    expect(await screen.findAllByRole('progressbar')).not.toHaveLength(0);
    expect(screen.getByRole('button', { name: /Download .md/ })).toBeDisabled();
  });

  it("shows the backend's reason when it fails", async () => {
    await renderForEntity(<StrategyPage />, {
      interchange: {
        getStrategy: async () => {
          throw await backendError(401, 'Missing credentials');
        },
      },
    });
    expect(
      await screen.findByText('Could not generate the integration strategy'),
    ).toBeInTheDocument();
    expect(screen.getByText('401: Missing credentials')).toBeInTheDocument();
  });

  it('renders the Markdown with its tables and downloads it', async () => {
    const created: Blob[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:strategy';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function checkName(this: HTMLAnchorElement) {
        expect(this.download).toBe('integration-strategy.md');
      });

    await renderForEntity(<StrategyPage />, {
      interchange: { getStrategy: async () => MARKDOWN },
    });
    expect(
      await screen.findByRole('heading', { name: 'Events first' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Scope' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '16' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /Download .md/ }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await created[0].text()).toBe(MARKDOWN);
    click.mockRestore();
  });
});
