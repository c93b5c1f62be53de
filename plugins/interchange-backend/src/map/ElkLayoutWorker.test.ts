import { ElkLayoutWorker } from './ElkLayoutWorker';

describe('ElkLayoutWorker', () => {
  it('answers positions and sizes from ELK in its thread, and ELK’s error for a bad job', async () => {
    const worker = new ElkLayoutWorker();
    try {
      const placed = await worker.layout({
        id: 'g',
        layoutOptions: { 'elk.algorithm': 'layered' },
        children: [
          { id: 'a', width: 10, height: 10 },
          { id: 'b', width: 10, height: 10 },
        ],
        edges: [{ id: 'e', sources: ['a'], targets: ['b'] }],
      });
      expect(placed.children.map(c => c[0])).toEqual(['a', 'b']);
      const [[, ax], [, bx]] = placed.children;
      expect(bx).toBeGreaterThan(ax); // layered, left to right
      expect(placed.width).toBeGreaterThan(20);
      await expect(
        worker.layout({
          id: 'bad',
          layoutOptions: { 'elk.algorithm': 'no-such-algorithm' },
          children: [{ id: 'a', width: 1, height: 1 }],
        }),
      ).rejects.toThrow(/ELK failed/);
    } finally {
      await worker.close();
    }
  });
});
