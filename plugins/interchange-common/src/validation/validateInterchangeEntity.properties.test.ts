import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { loadAll } from 'js-yaml';
import { Entity } from '@backstage/catalog-model';
import { checkProperty, mutatedValue } from '../__testUtils__/properties';
import { validateInterchangeEntity } from './validateInterchangeEntity';

/**
 * Property-based tests of the entity validator: the demo company's real
 * entities (examples/) with one node replaced by any value, and arbitrary
 * specs, give problems (never an exception), each naming a field (`path`),
 * saying what is wrong and how to fix it, within the time limit.
 */
const dir = path.join(__dirname, '..', '..', '..', '..', 'examples');
function entities(): Entity[] {
  const out: Entity[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) {
        try {
          loadAll(fs.readFileSync(p, 'utf8'), doc => {
            const entity = doc as Entity;
            if (entity?.apiVersion?.startsWith?.('interchange.dev/')) {
              out.push(entity);
            }
          });
        } catch {
          // gateway and mesh files are not entities
        }
      }
    }
  };
  walk(dir);
  return out;
}

function validate(entity: unknown): void {
  const problems = validateInterchangeEntity(entity as Entity, {
    knownClusters: ['local'],
  });
  for (const p of problems) {
    // Every problem names a field and says what to do.
    expect(typeof p.path).toBe('string');
    expect(p.path.length).toBeGreaterThan(0);
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    expect(typeof p.fix).toBe('string');
  }
}

describe('entity validator on hostile input (fast-check)', () => {
  const real = entities();

  it('has real entities of every kind to mutate', () => {
    expect(new Set(real.map(e => e.kind)).size).toBeGreaterThanOrEqual(5);
  });

  it('real entities with one node replaced by any value', () => {
    checkProperty(
      `entity validator, ${real.length} real entities with a node replaced`,
      fc
        .constantFrom(...real)
        .chain(mutatedValue)
        // The catalog hands the validator an object with a kind; below that, anything.
        .filter(e => !!e && typeof e === 'object' && !Array.isArray(e)),
      validate,
      { numRuns: 500 },
    );
  });

  it('arbitrary specs of each kind', () => {
    checkProperty(
      'entity validator, arbitrary specs',
      fc.record({
        apiVersion: fc.constant('interchange.dev/v1alpha1'),
        kind: fc.constantFrom(...new Set(real.map(e => e.kind))),
        metadata: fc.record({ name: fc.string({ maxLength: 70 }) }),
        spec: fc.object({ maxDepth: 3 }), // Object's prototype unless withNullPrototype
      }),
      validate,
      { numRuns: 300 },
    );
  });
});
