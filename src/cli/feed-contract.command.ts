import { CONTRACT_FOLDER } from '../feed/contract/documents.js';
import { writeContract } from '../feed/contract/write-contract.js';

export const FEED_CONTRACT_USAGE = `  feed-contract      regenerate the public events' JSON Schemas and AsyncAPI document in ${CONTRACT_FOLDER}/ from the code`;

export async function feedContractCommand(): Promise<void> {
  const written = await writeContract(CONTRACT_FOLDER);
  process.stdout.write(`${written.length} files written to ${CONTRACT_FOLDER}/\n`);
}
