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


// The simulator-only helper (intents §8.6) has no method in the library: `rawRequest` where
// the version has it (stripe-node 13 and later), else a plain form POST with the same key.
async function authenticate(kind, id, result) {
  const path = `/v1/test_helpers/${kind}/${id}/authenticate`;
  if (typeof stripe.rawRequest === 'function') {
    return stripe.rawRequest('POST', path, {result});
  }
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: {Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({result}).toString(),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body;
}

const CARD_ONLY = {payment_method_types: ['card']};

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

  await flow('parameters', async () => {
    const address = {line1: '510 Townsend St', city: 'San Francisco', postal_code: '94103', country: 'US'};
    const cus = await stripe.customers.create({
      address,
      shipping: {name: 'Jenny Rosen', address},
      preferred_locales: ['ja-JP'],
      invoice_settings: {footer: 'Thanks'},
      balance: -100,
      tax_exempt: 'reverse',
    });
    assert.equal(cus.address.city, 'San Francisco');
    assert.equal(cus.shipping.name, 'Jenny Rosen');
    assert.deepEqual(cus.preferred_locales, ['ja-JP']);
    assert.equal(cus.invoice_settings.footer, 'Thanks');
    const ch = await stripe.charges.create({
      amount: 3000,
      currency: 'usd',
      source: 'tok_visa',
      shipping: {name: 'Jenny Rosen', address, carrier: 'UPS'},
      statement_descriptor_suffix: 'ORDER 9',
      transfer_data: {destination: 'acct_1Example', amount: 2000},
      application_fee_amount: 100,
    });
    assert.equal(ch.shipping.carrier, 'UPS');
    assert.equal(ch.transfer_data.destination, 'acct_1Example');
    assert.equal(ch.application_fee_amount, 100);
    return `customer address/shipping/locales/invoice footer echoed; charge shipping, transfer_data, fee ${ch.application_fee_amount}`;
  });

  await flow('publishable-key', async () => {
    const browser = new Stripe('pk_test_node_flows', {
      host: url.hostname, port: Number(url.port), protocol: url.protocol.replace(':', ''), maxNetworkRetries: 0,
    });
    const token = await browser.tokens.create({card: {number: '4242424242424242', exp_month: 12, exp_year: 2034}});
    const src = await browser.sources.create({type: 'card', token: (await browser.tokens.create({
      card: {number: '4242424242424242', exp_month: 12, exp_year: 2034}})).id});
    const polled = await browser.sources.retrieve(src.id, {client_secret: src.client_secret});
    assert.equal(polled.status, 'chargeable');
    const err = await refused(browser.customers.list());
    assert.equal(err.statusCode, 401);
    return `token ${token.id.slice(0, 4)}, source polled with client_secret: ${polled.status}; server call refused ${err.statusCode}`;
  });

  await flow('endpoints', async () => {
    const ch = await stripe.charges.create({amount: 5000, currency: 'usd', source: 'tok_visa'});
    assert.ok(ch.balance_transaction && ch.balance_transaction.startsWith('txn_'));
    const txn = await stripe.balanceTransactions.retrieve(ch.balance_transaction);
    assert.equal(txn.fee, 175);
    const re = await stripe.refunds.create({charge: ch.id, amount: 1000});
    const updated = await stripe.refunds.update(re.id, {metadata: {reason: 'flow'}});
    assert.equal(updated.metadata.reason, 'flow');
    const balance = await stripe.balance.retrieve();
    assert.equal(balance.object, 'balance');
    const card = await stripe.customers.updateSource(customer.id, customer.default_source, {name: 'Updated Name'});
    assert.equal(card.name, 'Updated Name');
    const bankToken = await stripe.tokens.create({bank_account: {
      country: 'US', currency: 'usd', account_holder_name: 'J R', account_holder_type: 'individual',
      routing_number: '110000000', account_number: '000123456789'}});
    const bankCustomer = await stripe.customers.create({source: bankToken.id});
    const verified = await stripe.customers.verifySource(bankCustomer.id, bankCustomer.default_source, {amounts: [32, 45]});
    assert.equal(verified.status, 'verified');
    return `txn fee ${txn.fee} net ${txn.net}; refund updated; balance pending ${balance.pending[0].amount}; card renamed; bank ${verified.status}`;
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

  await flow('payment-intents', async () => {
    // intents §3.2 T1, T4, T15 (partial capture), T16; §9 E7
    let pi = await stripe.paymentIntents.create({amount: 2000, currency: 'usd', capture_method: 'manual', ...CARD_ONLY});
    assert.equal(pi.status, 'requires_payment_method');
    assert.ok(pi.client_secret.startsWith(`${pi.id}_secret_`));
    pi = await stripe.paymentIntents.confirm(pi.id, {payment_method: 'pm_card_visa'});
    assert.equal(pi.status, 'requires_capture');
    assert.equal(pi.amount_capturable, 2000);
    assert.ok(pi.payment_method.startsWith('pm_') && pi.payment_method !== 'pm_card_visa'); // §8.2
    pi = await stripe.paymentIntents.capture(pi.id, {amount_to_capture: 1500});
    assert.equal(pi.status, 'succeeded');
    assert.equal(pi.amount_received, 1500);
    const ch = await stripe.charges.retrieve(pi.latest_charge || pi.charges.data[0].id);
    assert.equal(ch.payment_intent, pi.id);
    assert.equal(ch.amount_refunded, 500); // the rest is released
    const other = await stripe.paymentIntents.create({amount: 900, currency: 'usd', ...CARD_ONLY});
    const canceled = await stripe.paymentIntents.cancel(other.id, {cancellation_reason: 'abandoned'});
    assert.equal(canceled.status, 'canceled');
    assert.equal(canceled.cancellation_reason, 'abandoned');
    const err = await refused(stripe.paymentIntents.cancel(other.id));
    assert.equal(err.statusCode, 400);
    assert.equal(err.code, 'payment_intent_unexpected_state');
    return `${pi.id} captured ${pi.amount_received} of 2000 (refunded ${ch.amount_refunded}); ${canceled.status}; cancel again ${err.code}`;
  });

  await flow('payment-intent-decline-retry', async () => {
    // intents §3.2 T9, §3.4: the 402 carries the PaymentIntent; a new PaymentMethod succeeds
    const pi = await stripe.paymentIntents.create({amount: 1000, currency: 'usd', ...CARD_ONLY});
    const err = await refused(stripe.paymentIntents.confirm(pi.id, {payment_method: 'pm_card_chargeDeclined'}));
    assert.equal(err.type, 'StripeCardError');
    assert.equal(err.statusCode, 402);
    assert.equal(err.code, 'card_declined');
    assert.equal(err.decline_code, 'generic_decline');
    const inner = err.raw.payment_intent;
    assert.equal(inner.id, pi.id);
    assert.equal(inner.status, 'requires_payment_method');
    assert.equal(inner.last_payment_error.code, 'card_declined');
    const retried = await stripe.paymentIntents.confirm(pi.id, {payment_method: 'pm_card_visa'});
    assert.equal(retried.status, 'succeeded');
    assert.equal(retried.last_payment_error, null);
    return `declined ${err.statusCode} ${err.code}/${err.decline_code} with ${inner.status}; retry ${retried.status}`;
  });

  await flow('payment-intent-3ds', async () => {
    // intents §3.2 T5 then T6 through the simulator-only helper (§8.6); §9 E1
    const pi = await stripe.paymentIntents.create({
      amount: 3000, currency: 'eur', payment_method: 'pm_card_threeDSecure2Required', confirm: true,
      return_url: 'https://example.com/return', ...CARD_ONLY,
    });
    assert.equal(pi.status, 'requires_action');
    assert.equal(pi.next_action.type, 'redirect_to_url');
    const done = await authenticate('payment_intents', pi.id, 'success');
    assert.equal(done.status, 'succeeded');
    const again = await stripe.paymentIntents.retrieve(pi.id);
    assert.equal(again.status, 'succeeded');
    assert.equal(again.amount_received, 3000);
    const err = await refused(stripe.paymentIntents.confirm(pi.id));
    assert.equal(err.code, 'payment_intent_unexpected_state');
    const failing = await stripe.paymentIntents.create({
      amount: 3000, currency: 'eur', payment_method: 'pm_card_threeDSecure2Required', confirm: true, ...CARD_ONLY,
    });
    const failed = await authenticate('payment_intents', failing.id, 'failure');
    assert.equal(failed.status, 'requires_payment_method'); // T7
    assert.equal(failed.last_payment_error.code, 'payment_intent_authentication_failure');
    const via = typeof stripe.rawRequest === 'function' ? 'rawRequest' : 'fetch';
    return `requires_action (${pi.next_action.type}) -> ${again.status} via ${via}; failed 3DS -> ${failed.status}`;
  });

  await flow('setup-intent', async () => {
    // intents §5.2 S3, S4; §5.3 the PaymentMethod is attached; §8.4 …3155 once set up
    const cus = await stripe.customers.create({email: `si-${suffix}@example.com`});
    const si = await stripe.setupIntents.create({
      customer: cus.id, payment_method: 'pm_card_authenticationRequiredOnSetup', confirm: true, ...CARD_ONLY,
    });
    assert.equal(si.status, 'requires_action');
    const done = await authenticate('setup_intents', si.id, 'success');
    assert.equal(done.status, 'succeeded');
    const saved = await stripe.paymentMethods.list({customer: cus.id, type: 'card'});
    assert.deepEqual(saved.data.map((m) => m.id), [si.payment_method]);
    const paid = await stripe.paymentIntents.create({
      amount: 700, currency: 'usd', customer: cus.id, payment_method: si.payment_method,
      off_session: true, confirm: true, ...CARD_ONLY,
    });
    assert.equal(paid.status, 'succeeded');
    return `${si.id} ${si.status} -> ${done.status}; saved ${saved.data.length}; off-session payment ${paid.status}`;
  });

  await flow('payment-methods', async () => {
    // intents §4.4: attach, detach, and a detached PaymentMethod is gone for good (§9 E13)
    const cus = await stripe.customers.create({email: `pm-${suffix}@example.com`});
    const pm = await stripe.paymentMethods.attach('pm_card_visa', {customer: cus.id});
    assert.ok(pm.id.startsWith('pm_'));
    assert.equal(pm.customer, cus.id);
    const listed = await stripe.customers.listPaymentMethods(cus.id, {type: 'card'});
    assert.deepEqual(listed.data.map((m) => m.id), [pm.id]);
    const detached = await stripe.paymentMethods.detach(pm.id);
    assert.equal(detached.customer, null);
    const err = await refused(stripe.paymentMethods.attach(pm.id, {customer: cus.id}));
    assert.equal(err.statusCode, 400);
    assert.ok(err.message.includes('may not be used again'));
    const refusedUse = await refused(stripe.paymentIntents.create({
      amount: 700, currency: 'usd', customer: cus.id, payment_method: pm.id, confirm: true, ...CARD_ONLY,
    }));
    assert.equal(refusedUse.statusCode, 400);
    return `${pm.id} attached to ${cus.id}, detached (customer ${detached.customer}); re-attach refused ${err.statusCode}`;
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
