// Reads deliveries as JSON lines ({"secret", "headers", "body"}) on stdin and checks each with the
// Standard Webhooks reference library; prints "ok <webhook-id>" or "refused <webhook-id> <reason>" per line.
import { Webhook } from "standardwebhooks";
import { createInterface } from "node:readline";

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { secret, headers, body } = JSON.parse(line);
  try {
    new Webhook(secret).verify(body, headers);
    console.log(`ok ${headers["webhook-id"]}`);
  } catch (error) {
    console.log(`refused ${headers["webhook-id"]} ${error.message}`);
  }
}
