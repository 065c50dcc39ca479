import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findOrganizations, findPeople } from "./entities.ts";

describe("people with their roles", () => {
  it("reads a title before a name as the person's role", () => {
    const people = findPeople("On Tuesday, Interior Minister Karim Haddad told reporters the border was closed.");
    assert.deepEqual(
      people.map((p) => [p.name, p.role]),
      [["Karim Haddad", "Interior Minister"]],
    );
  });

  it("reads a role given after the name, between commas", () => {
    const people = findPeople("The order came from Samir Nouri, the province's new police chief, on Monday.");
    assert.deepEqual(
      people.map((p) => [p.name, p.role]),
      [["Samir Nouri", "the province's new police chief"]],
    );
  });

  it("stops a name in capitals copy at the verb that follows it", () => {
    const people = findPeople("HONDURAN PRESIDENT JOSE MARTINEZ SAID TODAY THAT TALKS WOULD RESUME.", { allCapitals: true });
    assert.deepEqual(
      people.map((p) => [p.name, p.role]),
      [["JOSE MARTINEZ", "PRESIDENT"]],
    );
  });

  it("finds no person where no title or role is given", () => {
    assert.deepEqual(findPeople("The convoy reached the village before dawn."), []);
  });
});

describe("organisations", () => {
  it("finds an organisation by the word that ends its name, and keeps its complement", () => {
    const names = findOrganizations("According to the Kurdish Observatory for Human Rights, six civilians died.").map((o) => o.name);
    assert.deepEqual(names, ["Kurdish Observatory for Human Rights"]);
  });

  it("drops a leading 'According to' and finds news agencies", () => {
    const names = findOrganizations("According to Desert Monitoring Group, the attack was claimed, AFP reported.").map((o) => o.name);
    assert.deepEqual(names, ["Desert Monitoring Group", "AFP"]);
  });
});
