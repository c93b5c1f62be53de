/*
 * The Web Worker the map's layouts run in. elkjs's worker script registers
 * its own message handler on `self` when it runs in a worker, and the
 * main thread talks to it through elkjs's `elk-api` (see createElk.ts).
 * Going through this file lets the bundler (webpack or rspack) emit the
 * worker as its own chunk from `new Worker(new URL(...))`.
 */
import 'elkjs/lib/elk-worker.min.js';
