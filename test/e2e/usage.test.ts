// A command line the user got wrong exits 2 with a message saying what is wrong, and touches no
// data. (Exit 1 is for inputs that failed; 0 for success.)
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { Workspace } from "./harness.ts";

describe("usage errors", () => {
  let workspace: Workspace;

  before(async () => {
    workspace = await Workspace.create();
  });

  after(async () => {
    await workspace.remove();
  });

  const cases: readonly { args: string[]; env?: Record<string, string>; message: RegExp }[] = [
    { args: ["events", "--since", "2025-13"], message: /--since must be YYYY, YYYY-MM or YYYY-MM-DD \(got "2025-13"\)/ },
    { args: ["events", "--country", "IRQ"], message: /--country must be an ISO 3166-1 alpha-2 code .*\(got "IRQ"\)/ },
    { args: ["frobnicate"], message: /unknown command 'frobnicate'/ },
    {
      args: ["events"],
      env: { SITREP_MAX_INPUT_BYTES: "lots" },
      message: /CONFIG_INVALID.*SITREP_MAX_INPUT_BYTES must be a positive integer/,
    },
  ];

  for (const { args, env, message } of cases) {
    test(`${[...Object.entries(env ?? {}).map(([name, value]) => `${name}=${value}`), "sitrep", ...args].join(" ")} exits 2 and says why`, async () => {
      const run = await workspace.run(args, env === undefined ? {} : { env });
      assert.equal(run.code, 2, `${run.stdout}${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, "");
      assert.equal(existsSync(workspace.databasePath), false, "a usage error must not create the database");
    });
  }
});
