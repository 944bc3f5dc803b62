// The flows a Node integration runs, with the official library, against `chargeable serve`.
//
//   node flows.js <stripe-latest|stripe8> <base URL>
//
// Each flow prints "ok <flow>: <what it saw>"; a failed check prints "FAIL <flow>: ..."
// and the script exits 1 after the remaining flows ran. An 8.x integration pins the
// version it was written for (2020-08-27, the one stripe-node 8 documents), the latest
// library sends its own pinned version.
'use strict';

const assert = require('node:assert/strict');

const [libName, baseUrl] = process.argv.slice(2);
const Stripe = require(libName);
const url = new URL(baseUrl);
const KEY = 'sk_test_node_flows';

function client(extra = {}) {
  const config = {
    host: url.hostname,
    port: Number(url.port),
    protocol: url.protocol.replace(':', ''),
    maxNetworkRetries: 0,
    ...extra,
  };
  if (libName === 'stripe8' && !('apiVersion' in extra)) config.apiVersion = '2020-08-27';
  return new Stripe(KEY, config);
}

const stripe = client();
const legacy = libName === 'stripe8';
let failures = 0;

async function flow(name, fn) {
  try {
    const said = await fn();
    console.log(`ok ${name}: ${said}`);
  } catch (err) {
    failures += 1;
    console.log(`FAIL ${name}: ${err && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : err}`);
  }
}

async function refused(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a refusal');
}

function header(obj, name) {
  const headers = (obj.lastResponse && obj.lastResponse.headers) || {};
  return headers[name.toLowerCase()];
}

async function main() {
  const suffix = `${Date.now()}`;
  const customer = await stripe.customers.create({
    email: `node-${suffix}@example.com`,
    name: 'Node Flow',
    metadata: {flow: libName},
    source: 'tok_visa',
  });
  const charge = await stripe.charges.create({amount: 2000, currency: 'usd', customer: customer.id});

  await flow('token-charge', async () => {
    const token = await stripe.tokens.create({
      card: {number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123'},
    });
    const ch = await stripe.charges.create({amount: 500, currency: 'usd', source: token.id});
    assert.equal(ch.status, 'succeeded');
    const err = await refused(stripe.charges.create({amount: 500, currency: 'usd', source: token.id}));
    assert.equal(err.code, 'token_already_used');
    return `${ch.id} ${ch.status}; reuse refused ${err.code}`;
  });

  await flow('expand', async () => {
    const got = await stripe.charges.retrieve(charge.id, {expand: ['customer', 'customer.default_source']});
    assert.equal(got.customer.email, customer.email);
    assert.equal(got.customer.default_source.object, 'card');
    const page = await stripe.charges.list({limit: 3, expand: ['data.customer']});
    assert.ok(page.data.every((c) => typeof c.customer === 'object'));
    const err = await refused(stripe.charges.retrieve(charge.id, {expand: ['nope']}));
    assert.equal(err.statusCode, 400);
    return `charge.customer.email=${got.customer.email}; refused: ${err.message}`;
  });

  await flow('versions', async () => {
    const got = await stripe.charges.retrieve(charge.id);
    const version = header(got, 'Stripe-Version');
    if (legacy) {
      assert.equal(version, '2020-08-27');
      assert.ok(Array.isArray(got.refunds.data)); // before 2022-11-15: refunds listed
    } else {
      assert.ok(version && version.includes('.'));
      assert.equal(got.refunds, undefined);
    }
    const bad = client({apiVersion: 'garbage'});
    const err = await refused(bad.customers.list());
    assert.equal(err.statusCode, 400);
    assert.equal(err.message, 'Invalid Stripe API version: garbage');
    return `Stripe-Version ${version}; charge.refunds ${got.refunds ? 'listed' : 'absent'}; ${err.message}`;
  });

  await flow('search', async () => {
    const found = await stripe.customers.search({query: `email:'${customer.email}'`});
    assert.equal(found.object, 'search_result');
    assert.deepEqual(found.data.map((c) => c.id), [customer.id]);
    const meta = await stripe.customers.search({query: `metadata['flow']:'${libName}' AND name~'Node'`});
    assert.ok(meta.data.some((c) => c.id === customer.id));
    const charges = await stripe.charges.search({query: `customer:'${customer.id}' AND amount>=2000`});
    assert.deepEqual(charges.data.map((c) => c.id), [charge.id]);
    const walked = await stripe.charges.search({query: 'amount>0', limit: 2}).autoPagingToArray({limit: 1000});
    const err = await refused(stripe.charges.search({query: 'nope:1'}));
    assert.equal(err.param, 'query');
    return `customer by email ${found.data.length}, charges walked ${walked.length}; bad query ${err.statusCode}`;
  });

  await flow('list-filters', async () => {
    const made = [];
    for (let i = 0; i < 7; i += 1) {
      made.push(await stripe.charges.create({amount: 100 + i, currency: 'usd', customer: customer.id}));
    }
    const mine = await stripe.charges.list({customer: customer.id, limit: 100});
    assert.equal(mine.data.length, 8);
    const since = await stripe.charges.list({created: {gte: charge.created}, limit: 100});
    assert.ok(since.data.length >= 8);
    const none = await stripe.charges.list({created: {gt: made[6].created + 10}});
    assert.equal(none.data.length, 0);
    const back = await stripe.charges
      .list({customer: customer.id, ending_before: charge.id, limit: 3})
      .autoPagingToArray({limit: 100});
    assert.equal(back.length, 7);
    const events = await stripe.events.list({created: {gt: made[6].created + 10}});
    assert.equal(events.data.length, 0);
    return `by customer ${mine.data.length}; ending_before walked ${back.length} of 7; created filters honoured`;
  });

  await flow('deleted-customer', async () => {
    const gone = await stripe.customers.create({email: 'gone@example.com'});
    await stripe.customers.del(gone.id);
    const again = await stripe.customers.retrieve(gone.id);
    assert.equal(again.deleted, true);
    return `retrieve after delete: deleted=${again.deleted}`;
  });

  await flow('wire', async () => {
    const key = `node-${libName}-${suffix}`;
    const first = await stripe.customers.create({email: 'idem@example.com'}, {idempotencyKey: key});
    const second = await stripe.customers.create({email: 'idem@example.com'}, {idempotencyKey: key});
    assert.equal(first.id, second.id);
    assert.equal(header(second, 'Idempotent-Replayed'), 'true');
    const err = await refused(stripe.customers.retrieve('cus_missing'));
    assert.equal(err.param, 'id');
    assert.equal(err.code, 'resource_missing');
    return `replayed ${header(second, 'Idempotent-Replayed')}; missing id param=${err.param}`;
  });
}

main()
  .catch((err) => {
    failures += 1;
    console.log(`FAIL setup: ${err && err.stack}`);
  })
  .finally(() => {
    console.log(`${libName}: ${failures ? `${failures} flow(s) failed` : 'all flows passed'}`);
    process.exitCode = failures ? 1 : 0;
  });
