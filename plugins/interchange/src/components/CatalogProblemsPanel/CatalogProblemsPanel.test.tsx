import { screen } from '@testing-library/react';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { CatalogProblemsPanel } from './CatalogProblemsPanel';

describe('CatalogProblemsPanel', () => {
  it('shows progress while the backend answers', async () => {
    await renderForEntity(<CatalogProblemsPanel />, {
      interchange: { getCatalogProblems: pending },
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it("shows the backend's reason and what to do when it fails", async () => {
    await renderForEntity(<CatalogProblemsPanel />, {
      interchange: {
        getCatalogProblems: async () => {
          throw new TypeError('Failed to fetch');
        },
      },
    });
    expect(
      await screen.findByText('Could not load catalog problems'),
    ).toBeInTheDocument();
    expect(screen.getByText('Failed to fetch')).toBeInTheDocument();
    expect(
      screen.getByText(/plugin-interchange-backend is installed/),
    ).toBeInTheDocument();
  });

  it('shows nothing when the catalog rejected nothing', async () => {
    const { container } = await renderForEntity(<CatalogProblemsPanel />, {
      interchange: { getCatalogProblems: async () => [] },
    });
    await new Promise(r => setTimeout(r, 0));
    expect(container).toBeEmptyDOMElement();
  });

  it('lists each rejected entity with its file and reason', async () => {
    await renderForEntity(<CatalogProblemsPanel />, {
      interchange: {
        getCatalogProblems: async () => [
          {
            entityRef: 'kafkatopic:default/bad',
            location: 'url:https://git/x/catalog-info.yaml',
            message: 'spec.cluster is required',
            firstSeen: '2024-01-01T00:00:00Z',
            lastSeen: '2024-01-01T00:00:00Z',
          },
        ],
      },
    });
    expect(
      await screen.findByLabelText('problem kafkatopic:default/bad'),
    ).toHaveTextContent('spec.cluster is required');
    expect(
      screen.getByText(/1 integration entity was rejected/),
    ).toBeInTheDocument();
  });

  it('names a 503 and what to do', async () => {
    await renderForEntity(<CatalogProblemsPanel />, {
      interchange: {
        getCatalogProblems: async () => {
          throw await backendError(503, 'database is starting');
        },
      },
    });
    expect(
      await screen.findByText('503: database is starting'),
    ).toBeInTheDocument();
  });
});
