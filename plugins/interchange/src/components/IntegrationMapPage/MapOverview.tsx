import { useLayoutEffect, useMemo, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { OverviewScene } from '../../map/overview';

/**
 * A big map zoomed out past reading, painted as one picture: every entity
 * as its outline and every edge as a curve on one canvas laid over React
 * Flow's nodes (which then hold only the system boxes, with their titles
 * and findings). Five thousand DOM nodes and seven thousand SVG paths
 * cost seconds to mount and measure; a handful of canvas paths cost
 * milliseconds to paint. The canvas follows React Flow's viewport: it is
 * painted again, once per frame at most, whenever the view moves. Clicks
 * and hovers go through it to the page, which finds the entity under the
 * pointer in the same scene.
 */
export function MapOverview(props: { scene: OverviewScene }) {
  const store = useStoreApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  // Parsed once per scene; painting then only sets the transform. jsdom
  // has no Path2D (and no canvas context): nothing is painted there.
  const layers = useMemo(
    () =>
      typeof Path2D === 'undefined'
        ? []
        : props.scene.layers.map(l => ({ ...l, path: new Path2D(l.d) })),
    [props.scene],
  );
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return undefined;
    let frame = 0;
    const paint = () => {
      frame = 0;
      if (!layers.length) return;
      const ctx = el.getContext('2d');
      if (!ctx) return;
      const dpr = window.devicePixelRatio || 1;
      const width = Math.round(el.clientWidth * dpr);
      const height = Math.round(el.clientHeight * dpr);
      if (el.width !== width) el.width = width;
      if (el.height !== height) el.height = height;
      const [tx, ty, zoom] = store.getState().transform;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.setTransform(zoom * dpr, 0, 0, zoom * dpr, tx * dpr, ty * dpr);
      for (const l of layers) {
        ctx.globalAlpha = l.opacity;
        if (l.screenWidth === 0) {
          ctx.fillStyle = l.color;
          ctx.fill(l.path);
        } else {
          ctx.strokeStyle = l.color;
          ctx.lineWidth = l.screenWidth / zoom;
          ctx.stroke(l.path);
        }
      }
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(paint);
    };
    // Painted now, so the map is complete in the frame it first shows.
    paint();
    let last = store.getState().transform;
    const unsubscribe = store.subscribe(s => {
      if (s.transform !== last) {
        last = s.transform;
        later();
      }
    });
    const resized =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(later);
    resized?.observe(el);
    return () => {
      unsubscribe();
      resized?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [layers, store]);
  return (
    <canvas
      ref={canvas}
      data-testid="map-overview"
      style={{
        position: 'absolute',
        inset: 0,
        width: '100%',
        height: '100%',
        // Above React Flow's nodes (the system boxes), below its controls.
        zIndex: 4,
        pointerEvents: 'none',
      }}
    />
  );
}
