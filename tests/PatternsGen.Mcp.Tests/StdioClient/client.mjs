// Drives an MCP server over stdio with the official TypeScript client, as an editor or a desktop assistant does.
// Usage: node client.mjs <command> [args...] < calls.json
// calls.json: [{ "name": "search_orders", "arguments": { ... } }, ...]
// Prints one JSON object: the listed tools, then each call's result as the client received it.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [command, ...args] = process.argv.slice(2);
const calls = JSON.parse(readFileSync(0, "utf8"));

const transport = new StdioClientTransport({ command, args, stderr: "inherit" });
const client = new Client({ name: "patternsgen-tests", version: "1.0.0" });
await client.connect(transport);
try {
  const { tools } = await client.listTools();
  const results = [];
  for (const call of calls) {
    const result = await client.callTool({ name: call.name, arguments: call.arguments });
    results.push({ name: call.name, isError: result.isError === true, content: result.content });
  }
  process.stdout.write(JSON.stringify({ tools, results }));
} finally {
  await client.close();
}
