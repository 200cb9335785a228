/** The feed's routes: a contract with downstream consumers, exactly as written. */
export const FEED_PATH = '/api/v1/feed';
export const FEED_LIVE_PATH = '/api/v1/feed/live';
export const FEED_ASYNCAPI_PATH = '/api/v1/feed/asyncapi';
