import { render, screen } from '@testing-library/react';
import { DriftAlert } from './DriftAlert';

describe('DriftAlert', () => {
  it('lists each differing field with the declared and actual value', () => {
    render(
      <DriftAlert
        noun="queue"
        drift={[
          { field: 'durable', declared: 'true', actual: 'false' },
          { field: 'type', declared: 'quorum', actual: 'classic' },
        ]}
      />,
    );
    const alert = screen.getByLabelText('drift');
    expect(alert).toHaveTextContent(
      'The queue differs from this entity in 2 places:',
    );
    expect(alert).toHaveTextContent('durable: declared true, actual false');
    expect(alert).toHaveTextContent('type: declared quorum, actual classic');
  });

  it('says one place in the singular', () => {
    render(
      <DriftAlert
        noun="topic"
        drift={[{ field: 'partitions', declared: '6', actual: '3' }]}
      />,
    );
    expect(screen.getByLabelText('drift')).toHaveTextContent(
      'The topic differs from this entity in 1 place:',
    );
  });

  it('says the resource matches when nothing differs', () => {
    render(<DriftAlert noun="topic" drift={[]} />);
    expect(screen.getByLabelText('drift')).toHaveTextContent(
      'The topic matches what this entity declares.',
    );
  });
});
