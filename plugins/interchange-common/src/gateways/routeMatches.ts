import { PathMatch } from './types';

/**
 * What the match entries of one route rule add up to, for the formats whose
 * rules list several matches (Gateway API HTTPRoute, Istio VirtualService):
 * each path once with how it matches, the methods in upper case, and the
 * header and query conditions.
 */
export class RouteMatches {
  readonly paths: string[] = [];
  readonly pathMatch: PathMatch[] = [];
  readonly conditions: string[] = [];
  readonly #methods = new Set<string>();

  addPath(path: string, type: PathMatch): void {
    if (!this.paths.includes(path)) {
      this.paths.push(path);
      this.pathMatch.push(type);
    }
  }

  addMethod(method: string | undefined): void {
    if (method) {
      this.#methods.add(method.toUpperCase());
    }
  }

  /**
   * The route's methods: none (every method) when any match names no
   * method, since that match takes them all.
   */
  methods(anyMatchWithoutMethod: boolean): string[] {
    return anyMatchWithoutMethod ? [] : [...this.#methods];
  }
}
