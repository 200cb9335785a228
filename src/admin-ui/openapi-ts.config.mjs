// How the admin UI's API client is generated from the service's OpenAPI document (`npm run ui:api`);
// the input and output folders are given on the command line.
export default {
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
  logs: { file: false },
};
