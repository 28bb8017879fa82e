import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { OpenApiRegistry } from './openapi.js';

const Item = z.object({ id: z.number().int(), name: z.string().describe('Shown to people.') });
const ItemList = z.object({ items: z.array(Item) });
const Problem = z.object({ error: z.object({ status: z.number().int(), message: z.string() }) });

function registry() {
  const r = new OpenApiRegistry({ errorSchema: { name: 'Error', schema: Problem } });
  r.schema('Item', Item);
  r.tag('items', 'Things');
  r.register({ method: 'get', path: '/api/v1/items', summary: 'List', tags: ['items'], response: ItemList, query: z.object({ q: z.string().optional(), page: z.string() }) });
  r.register({ method: 'get', path: '/api/v1/items/:id', summary: 'One', tags: ['items'], params: z.object({ id: z.string().regex(/^\d+$/) }), response: Item, errors: [404] });
  return r;
}

test('builds an OpenAPI 3.1 document with paths, parameters and named components', () => {
  const doc = registry().document({ title: 'T', version: '1' }) as any;
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(Object.keys(doc.paths), ['/api/v1/items', '/api/v1/items/{id}']);
  const one = doc.paths['/api/v1/items/{id}'].get;
  assert.equal(one.operationId, 'getItemsById');
  assert.deepEqual(one.parameters, [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } }]);
  assert.deepEqual(one.responses['200'].content['application/json'].schema, { $ref: '#/components/schemas/Item' });
  assert.deepEqual(one.responses['404'].content['application/json'].schema, { $ref: '#/components/schemas/Error' });
  const list = doc.paths['/api/v1/items'].get;
  assert.deepEqual(list.parameters.map((p: any) => [p.name, p.in, p.required]), [['q', 'query', false], ['page', 'query', true]]);
  assert.deepEqual(list.responses['200'].content['application/json'].schema, { $ref: '#/components/schemas/GetItemsResponse' });
  assert.deepEqual(doc.tags, [{ name: 'items', description: 'Things' }]);
});

test('components are plain schemas that refer to each other, and every $ref resolves', () => {
  const doc = registry().document({ title: 'T', version: '1' }) as any;
  const schemas = doc.components.schemas;
  assert.deepEqual(Object.keys(schemas).sort(), ['Error', 'GetItemsResponse', 'Item']);
  assert.equal(schemas.Item.$schema, undefined);
  assert.equal(schemas.Item.$id, undefined);
  assert.equal(schemas.Item.properties.name.description, 'Shown to people.');
  assert.deepEqual(schemas.GetItemsResponse.properties.items.items, { $ref: '#/components/schemas/Item' });
  const refs = JSON.stringify(doc).match(/"\$ref":"([^"]+)"/g)!.map((r) => r.slice(8, -1));
  for (const ref of refs) assert.ok(schemas[ref.replace('#/components/schemas/', '')], ref);
});

test('mistakes in a registration are caught when it is made', () => {
  const r = registry();
  assert.throws(() => r.register({ method: 'get', path: '/api/v1/items', summary: 'Again', response: ItemList }), /registered twice/);
  assert.throws(() => r.register({ method: 'get', path: '/api/v1/x/:id', summary: 'X', response: z.object({}) }), /params schema/);
  assert.throws(() => r.schema('Item', z.object({ other: z.string() })), /Two OpenAPI schemas are named Item/);
  assert.throws(() => r.schema('ItemAgain', Item), /already named Item/);
});

test('the document is rebuilt after a new registration', () => {
  const r = registry();
  const before = r.document({ title: 'T', version: '1' });
  assert.equal(r.document({ title: 'T', version: '1' }), before, 'cached');
  r.register({ method: 'get', path: '/api/v1/other', summary: 'Other', response: z.object({ ok: z.boolean() }) });
  assert.ok((r.document({ title: 'T', version: '1' }) as any).paths['/api/v1/other']);
});
