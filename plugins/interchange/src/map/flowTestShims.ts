/**
 * What React Flow needs from a browser that jsdom lacks (ResizeObserver,
 * DOMMatrixReadOnly, element sizes), for component tests only.
 */
export function installFlowTestShims() {
  class ResizeObserverShim {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      this.callback([{ target } as ResizeObserverEntry], this as any);
    }
    unobserve() {}
    disconnect() {}
  }
  class DOMMatrixReadOnlyShim {
    m22: number;
    constructor(transform?: string) {
      const scale = transform?.match(/scale\(([0-9.]+)\)/)?.[1];
      this.m22 = scale !== undefined ? Number(scale) : 1;
    }
  }
  Object.assign(globalThis, {
    ResizeObserver: ResizeObserverShim,
    DOMMatrixReadOnly: DOMMatrixReadOnlyShim,
  });
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: {
      get() {
        return parseFloat(this.style.height) || 1;
      },
      configurable: true,
    },
    offsetWidth: {
      get() {
        return parseFloat(this.style.width) || 1;
      },
      configurable: true,
    },
  });
  (SVGElement.prototype as any).getBBox = () => ({
    x: 0,
    y: 0,
    width: 0,
    height: 0,
  });
}
