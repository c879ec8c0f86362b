/**
 * Stands in for `@actions/http-client` in the bundle (the "stand-ins" trick of seam.mjs; tsconfig.build.json maps the package here).
 * @actions/core imports it for getIDToken alone, which this action never calls: the Alibaba provider
 * fetches its OIDC token with the action's own client. Loading the real one costs node:https, node:tls
 * and tunnel at every start, so it is loaded on first use instead, with the same behaviour.
 */
import type * as Real from '../../node_modules/@actions/http-client/lib/index.js';
import type { TypedResponse } from '../../node_modules/@actions/http-client/lib/interfaces.js';

const loadReal = (): Promise<typeof Real> => import('../../node_modules/@actions/http-client/lib/index.js');

export class HttpClient {
  readonly #client: Promise<Real.HttpClient>;

  constructor(...args: ConstructorParameters<typeof Real.HttpClient>) {
    this.#client = loadReal().then((real) => new real.HttpClient(...args));
  }

  async getJson<T>(...args: Parameters<Real.HttpClient['getJson']>): Promise<TypedResponse<T>> {
    return (await this.#client).getJson<T>(...args);
  }
}
