import type { TemplateCall, TemplateResponse } from '../src/shared/freshdesk-api';
import type { KeyValueStore, Services, SetOptions } from '../src/server/platform';

/** The serverless platform in memory: templates answered by a routing function, a $db map, renderData calls. */

export type TemplateRoute = (name: string, call: TemplateCall) => unknown;

export class FakeServices {
  readonly calls: { name: string; call: TemplateCall }[] = [];
  readonly store = new Map<string, Readonly<Record<string, unknown>>>();
  readonly storeCalls: string[] = [];
  readonly rendered: ({ readonly message: string } | null | undefined)[] = [];
  readonly errors: string[] = [];
  storeFailure: unknown = null;
  now = new Date('2026-03-02T09:05:00Z');

  constructor(private readonly route: TemplateRoute = () => ({})) {}

  private readonly db: KeyValueStore = {
    get: async (key) => {
      this.storeCalls.push(`get ${key}`);
      if (this.storeFailure) throw this.storeFailure;
      if (!this.store.has(key)) throw { status: 404, message: 'Record not found' };
      return this.store.get(key);
    },
    set: async (key, value, options: SetOptions = {}) => {
      this.storeCalls.push(`set ${key}`);
      if (this.storeFailure) throw this.storeFailure;
      if (options.setIf === 'not_exist' && this.store.has(key)) throw { status: 400, message: 'The setIf conditional request failed' };
      this.store.set(key, value);
      return { Created: true };
    },
    delete: async (key) => {
      this.storeCalls.push(`delete ${key}`);
      if (this.storeFailure) throw this.storeFailure;
      this.store.delete(key);
      return { Deleted: true };
    },
  };

  readonly services: Services = {
    request: {
      invokeTemplate: async (name: string, call: TemplateCall): Promise<TemplateResponse> => {
        this.calls.push({ name, call });
        return { status: 200, response: JSON.stringify(this.route(name, call)) };
      },
    },
    db: this.db,
    renderData: (error) => void this.rendered.push(error),
    log: { error: (line) => void this.errors.push(line) },
    now: () => this.now,
  };

  names(): string[] {
    return this.calls.map((call) => call.name);
  }

  bodies(name: string): unknown[] {
    return this.calls.filter((call) => call.name === name).map((call) => JSON.parse(call.call.body ?? 'null') as unknown);
  }
}
