// A second, independent validator for psed's JSON Schemas: ajv in strict mode.
//
// Reads one JSON request per line on stdin and writes one JSON answer per line:
//   {"compile": NAME, "schema": {...}}  ->  {"ok": true} or {"error": "..."}
//   {"check": NAME, "document": ...}    ->  {"valid": true|false, "errors": [...]}
// The schemas' own annotations (x-psed-rule, x-psed-characteristic, ...) are declared as
// keywords, so strict mode still refuses any keyword that is neither JSON Schema's nor psed's.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import readline from "node:readline";

const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats(ajv);
ajv.addVocabulary([
  "x-psed-mode",
  "x-psed-framework",
  "x-psed-status",
  "x-psed-rule",
  "x-psed-characteristic",
]);
const compiled = new Map();
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  let answer;
  try {
    if ("compile" in request) {
      compiled.set(request.compile, ajv.compile(request.schema));
      answer = { ok: true };
    } else {
      const validate = compiled.get(request.check);
      const valid = validate(request.document);
      answer = { valid, errors: valid ? [] : validate.errors.slice(0, 3) };
    }
  } catch (error) {
    answer = { error: String(error && error.message ? error.message : error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
