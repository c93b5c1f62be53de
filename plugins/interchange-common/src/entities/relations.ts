/**
 * Relation types Interchange emits, in pairs. Each pair is emitted in both
 * directions whichever side declared it (the topic's `producers` or the
 * component's `producesTo`).
 *
 * This file is the one place that says which type is the reverse of which:
 * the catalog module's processor, the catalog model layer and the frontend's
 * graph settings all derive their pairs from {@link INTERCHANGE_RELATION_PAIRS}.
 */

/** A component produces to a topic or sends a webhook. @public */
export const RELATION_PRODUCES_TO = 'producesTo';
/** Reverse of {@link RELATION_PRODUCES_TO}. @public */
export const RELATION_PRODUCED_BY = 'producedBy';
/** A component consumes from a topic or receives a webhook. @public */
export const RELATION_CONSUMES_FROM = 'consumesFrom';
/** Reverse of {@link RELATION_CONSUMES_FROM}. @public */
export const RELATION_CONSUMED_BY = 'consumedBy';
/** A gateway route forwards to the component serving it. @public */
export const RELATION_ROUTES_TO = 'routesTo';
/** Reverse of {@link RELATION_ROUTES_TO}. @public */
export const RELATION_ROUTED_BY = 'routedBy';
/** A gateway route exposes an API entity. @public */
export const RELATION_EXPOSES = 'exposes';
/** Reverse of {@link RELATION_EXPOSES}. @public */
export const RELATION_EXPOSED_BY = 'exposedBy';
/** A topic or webhook payload is described by an API entity. @public */
export const RELATION_DESCRIBED_BY = 'describedBy';
/** Reverse of {@link RELATION_DESCRIBED_BY}. @public */
export const RELATION_DESCRIBES = 'describes';

/** A RabbitMQ queue is bound to an exchange. @public */
export const RELATION_BOUND_TO = 'boundTo';
/** Reverse of {@link RELATION_BOUND_TO}. @public */
export const RELATION_BOUND_FROM = 'boundFrom';
/** The service mesh's authorization policy lets a component call another. @public */
export const RELATION_MAY_CALL = 'mayCall';
/** Reverse of {@link RELATION_MAY_CALL}. @public */
export const RELATION_MAY_BE_CALLED_BY = 'mayBeCalledBy';

/**
 * Every Interchange relation pair as `[forward, reverse]`, e.g. for
 * `catalogGraph.additionalKnownRelationPairs`.
 *
 * @public
 */
export const INTERCHANGE_RELATION_PAIRS: ReadonlyArray<
  readonly [string, string]
> = [
  [RELATION_PRODUCES_TO, RELATION_PRODUCED_BY],
  [RELATION_CONSUMES_FROM, RELATION_CONSUMED_BY],
  [RELATION_ROUTES_TO, RELATION_ROUTED_BY],
  [RELATION_EXPOSES, RELATION_EXPOSED_BY],
  [RELATION_DESCRIBED_BY, RELATION_DESCRIBES],
  [RELATION_BOUND_TO, RELATION_BOUND_FROM],
  [RELATION_MAY_CALL, RELATION_MAY_BE_CALLED_BY],
];

/**
 * One direction of a relation pair as the catalog model declares it: the
 * type and the title the catalog shows for it.
 *
 * @public
 */
export interface InterchangeRelationDirection {
  type: string;
  title: string;
}

/**
 * A relation pair oriented from one of its types: `forward` is the type on
 * the entity that declares the reference, `reverse` the type on the entity it
 * points to.
 *
 * @public
 */
export interface InterchangeRelationPair {
  forward: InterchangeRelationDirection;
  reverse: InterchangeRelationDirection;
}

/** `producesTo` reads "produces to", `exposedBy` "exposed by". */
function titleOf(type: string): string {
  return type.replace(/[A-Z]/g, c => ` ${c.toLowerCase()}`);
}

/**
 * The pair of an Interchange relation type, oriented from that type, e.g.
 * `producedBy` (a topic's producers) gives `producedBy` forward and
 * `producesTo` reverse, each with its title.
 *
 * @public
 */
export function interchangeRelationPair(type: string): InterchangeRelationPair {
  for (const [a, b] of INTERCHANGE_RELATION_PAIRS) {
    if (type === a || type === b) {
      const reverse = type === a ? b : a;
      return {
        forward: { type, title: titleOf(type) },
        reverse: { type: reverse, title: titleOf(reverse) },
      };
    }
  }
  throw new Error(
    `'${type}' is not an Interchange relation type; known types: ${INTERCHANGE_RELATION_PAIRS.flat().join(
      ', ',
    )}`,
  );
}
