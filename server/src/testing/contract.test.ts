import { z } from 'zod';
import { buildOpenApi } from '../http/openapi';
import { defineRoute } from '../http/routes';
import { ResponseContract } from './contract';

const gadget = z.object({ id: z.string(), size: z.number() }).meta({ id: 'ContractTestGadget' });
const routes = [
  defineRoute({
    method: 'get',
    path: '/api/v1/gadgets/:id',
    summary: 'one gadget',
    tag: 'test',
    role: 'viewer',
    params: z.object({ id: z.string() }),
    response: gadget,
    handler: async () => ({ id: 'g', size: 1 }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/gadgets/count',
    summary: 'how many',
    tag: 'test',
    role: 'viewer',
    response: z.object({ count: z.number() }),
    handler: async () => ({ count: 1 }),
  }),
];
const contract = new ResponseContract(buildOpenApi(routes, '0.0.0'));
const error = { error: { code: 'not_found', message: 'gadget x not found', details: [] } };

test('a body its schema accepts, under a documented status, passes', () => {
  expect(contract.check('GET', '/api/v1/gadgets/g1', 200, { id: 'g1', size: 3 })).toBeUndefined();
  expect(contract.check('GET', '/api/v1/gadgets/g1', 404, error)).toBeUndefined();
});

test('a body that does not match names the route, the status and the schema error', () => {
  expect(contract.check('GET', '/api/v1/gadgets/g1', 200, { id: 'g1', size: '3' })).toMatch(
    /^GET \/api\/v1\/gadgets\/\{id\} 200: .*\/size must be number/,
  );
  expect(contract.check('GET', '/api/v1/gadgets/g1', 200, { id: 'g1', size: 3, extra: true })).toMatch(
    /must NOT have additional properties/,
  );
  expect(contract.check('GET', '/api/v1/gadgets/g1', 404, { message: 'no' })).toMatch(
    /404: .*must have required property 'error'/,
  );
});

test('an undocumented status fails, and says which ones are documented', () => {
  expect(contract.check('GET', '/api/v1/gadgets/g1', 500, error)).toMatch(
    /^GET \/api\/v1\/gadgets\/\{id\} answered 500 \(not_found\), which the OpenAPI document does not list \(it lists 200, 400, 401, 403, 404,/,
  );
  // /count has no path parameter: it cannot answer 404 for a missing record
  expect(contract.check('GET', '/api/v1/gadgets/count', 404, error)).toMatch(/does not list/);
});

test('a literal segment wins over a parameter, as OpenAPI matches paths', () => {
  expect(contract.check('GET', '/api/v1/gadgets/count', 200, { count: 2 })).toBeUndefined();
  expect(contract.check('GET', '/api/v1/gadgets/count', 200, { id: 'count', size: 1 })).toMatch(
    /^GET \/api\/v1\/gadgets\/count 200/,
  );
});

test('a path or method the document does not have: only the "no route" 404 is right', () => {
  expect(contract.check('GET', '/api/v1/widgets', 404, error)).toBeUndefined();
  expect(contract.check('DELETE', '/api/v1/gadgets/g1', 404, error)).toBeUndefined();
  expect(contract.check('GET', '/api/v1/widgets', 200, {})).toMatch(/has no such operation/);
});
