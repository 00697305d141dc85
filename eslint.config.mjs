// n8n's own lint for community nodes (@n8n/node-cli, the n8n Cloud variant): @n8n/eslint-plugin-community-nodes,
// eslint-plugin-n8n-nodes-base's community, nodes and credentials rule sets, typescript-eslint and import-x.
import { config } from '@n8n/node-cli/eslint';

export default config;
