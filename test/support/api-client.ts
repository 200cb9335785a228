import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'supertest';
import type { TestDatabase } from './databases.js';
import { authorizedAgent, createTestApp, type HttpAgent } from './test-app.js';

/** A stream's view as every route answers it. */
export interface View {
  readonly id: string;
  readonly version: number;
  readonly state: { readonly status: string } & Readonly<Record<string, unknown>>;
  readonly allowedCommands: readonly string[];
}

function expectStatus(status: number) {
  return (response: Response) => {
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  };
}

/** The API under /api/v1 as a client uses it: commands answer the view, with its version as ETag. */
export class ApiClient {
  constructor(private readonly http: HttpAgent) {}

  post(path: string, body: object, ifMatch?: number | string) {
    const call = this.http.post(`/api/v1/${path}`).send(body);
    return ifMatch === undefined ? call : call.set('If-Match', typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch);
  }

  get(path: string) {
    return this.http.get(`/api/v1/${path}`);
  }

  /** A path outside /api/v1: health, the API documentation. */
  raw(path: string) {
    return this.http.get(path);
  }

  async create(path: string, body: object): Promise<View> {
    const response = await this.post(path, body).expect(expectStatus(201));
    return this.viewOf(response);
  }

  async command(path: string, body: object, version?: number): Promise<View> {
    const response = await this.post(path, body, version).expect(expectStatus(200));
    return this.viewOf(response);
  }

  async view(path: string): Promise<View> {
    return this.viewOf(await this.get(path).expect(expectStatus(200)));
  }

  private viewOf(response: Response): View {
    const view = response.body as View;
    expect(response.headers['etag']).toBe(`"${view.version}"`);
    return view;
  }
}

/** An organization tree with the bodies inspections and supervisions need, and members in it. */
export async function foundTree(api: ApiClient) {
  const province = await api.create('organizations', { level: 'province', name: 'Đảng bộ tỉnh Vĩnh Phúc', code: 'VP', foundedOn: '1997-01-01' });
  const commune = await api.create('organizations', {
    level: 'grassroots',
    parentId: province.id,
    name: 'Đảng bộ xã Bình Xuyên',
    code: 'BX',
    foundedOn: '2025-07-01',
  });
  await api.command(`organizations/${commune.id}/bodies`, { bodyKind: 'executive-committee', membersCount: 15, establishedOn: '2025-07-01' });
  const withCommission = await api.command(`organizations/${commune.id}/bodies`, {
    bodyKind: 'inspection-commission',
    membersCount: 5,
    establishedOn: '2025-07-01',
  });
  const admit = (fullName: string) => api.create('members', { organizationId: commune.id, fullName, birthDate: '1985-04-02', admittedOn: '2025-07-15' });
  return { province, commune: withCommission, admit };
}

export type Tree = Awaited<ReturnType<typeof foundTree>>;

/** The whole service on one database for a describe block, with a client and an organization tree in it. */
export function serviceOn(database: TestDatabase): { app: NestExpressApplication; api: ApiClient; tree: Tree } {
  const service = {} as { app: NestExpressApplication; api: ApiClient; tree: Tree };
  beforeAll(async () => {
    service.app = await createTestApp(database.url);
    service.api = new ApiClient(await authorizedAgent(service.app));
    service.tree = await foundTree(service.api);
  });
  afterAll(async () => {
    await service.app.close();
  });
  return service;
}
