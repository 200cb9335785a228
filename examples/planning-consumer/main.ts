import { consumerPool, PlanningConsumer } from './planning-consumer.js';

/** npm run example:consumer, with PLANNING_DATABASE_URL, DISCIPLINA_URL and FEED_TOKEN (see the README). */
const { PLANNING_DATABASE_URL, DISCIPLINA_URL, FEED_TOKEN } = process.env;
if (!PLANNING_DATABASE_URL || !DISCIPLINA_URL || !FEED_TOKEN) {
  console.error('Set PLANNING_DATABASE_URL (its own PostgreSQL database), DISCIPLINA_URL (the service) and FEED_TOKEN (an integration account’s token)');
  process.exit(2);
}
const pool = consumerPool(PLANNING_DATABASE_URL);
const consumer = new PlanningConsumer(pool, { serviceUrl: DISCIPLINA_URL, token: FEED_TOKEN });
const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());
await consumer.migrate();
console.log(`Following ${DISCIPLINA_URL}/api/v1/feed into planning_eligible`);
await consumer.follow(stop.signal, 1000, (message) => console.log(message));
await pool.end();
