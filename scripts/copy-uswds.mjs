// Copies the compiled USWDS distribution into static/vendor/uswds.
// The copy is a build product: it is ignored by git and rebuilt by `make`.
import { cpSync, existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "node_modules", "@uswds", "uswds", "dist");
const target = join(root, "static", "vendor", "uswds");

if (!existsSync(source)) {
  console.error("USWDS is not installed: run `npm ci` first.");
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
for (const part of ["css", "js", "img", "fonts"]) {
  cpSync(join(source, part), join(target, part), { recursive: true });
}
console.log(`USWDS copied to ${target}`);
