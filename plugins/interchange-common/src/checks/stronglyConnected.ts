/**
 * Strongly connected components (Tarjan, iterative so a long chain cannot
 * overflow the stack). Returns components in reverse topological order.
 */
export function stronglyConnected(
  nodes: Iterable<string>,
  successors: (node: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) {
      continue;
    }
    const work: Array<{ node: string; next: number }> = [
      { node: root, next: 0 },
    ];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const succ = successors(frame.node);
      if (frame.next < succ.length) {
        const w = succ[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter);
          counter += 1;
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}

/** A shortest cycle through `start` inside `members`, as refs ending where it began. */
export function cycleThrough(
  start: string,
  members: Set<string>,
  successors: (node: string) => readonly string[],
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    for (const next of successors(node)) {
      if (!members.has(next)) {
        continue;
      }
      if (next === start) {
        const path = [node];
        let p = node;
        while (p !== start) {
          p = previous.get(p)!;
          path.unshift(p);
        }
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
