/**
 * Offline check of manifest.xml (Microsoft's validator is online only): well-formed XML, required
 * elements, every resid defined, URLs on one https origin, icons and functions metadata present.
 */
import * as fs from "fs";
import * as path from "path";

interface XmlNode {
  name: string;
  attrs: Map<string, string>;
  children: XmlNode[];
  text: string;
}

/** A strict little XML parser: throws on anything not well-formed (enough for a manifest). */
function parseXml(src: string): XmlNode {
  let i = 0;
  const fail = (why: string): never => {
    const line = src.slice(0, i).split("\n").length;
    throw new Error(`XML non valido alla riga ${line}: ${why}`);
  };
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(src.slice(i))![0].length;
      i += ws;
      if (src.startsWith("<?", i)) {
        const end = src.indexOf("?>", i);
        if (end < 0) fail("dichiarazione non chiusa");
        i = end + 2;
      } else if (src.startsWith("<!--", i)) {
        const end = src.indexOf("-->", i);
        if (end < 0) fail("commento non chiuso");
        i = end + 3;
      } else return;
    }
  };
  const decode = (s: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(s))
      fail(`entità non valida in "${s}"`);
    return s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  };
  const element = (): XmlNode => {
    const m = /^<([A-Za-z_][\w.:-]*)/.exec(src.slice(i));
    if (!m) fail("elemento atteso");
    i += m![0].length;
    const node: XmlNode = { name: m![1], attrs: new Map(), children: [], text: "" };
    for (;;) {
      const a = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(src.slice(i));
      if (a) {
        if (node.attrs.has(a[1])) fail(`attributo ripetuto ${a[1]}`);
        node.attrs.set(a[1], decode(a[3] ?? a[4]));
        i += a[0].length;
        continue;
      }
      const close = /^\s*(\/?)>/.exec(src.slice(i));
      if (!close) fail(`tag <${node.name}> malformato`);
      i += close![0].length;
      if (close![1]) return node;
      break;
    }
    for (;;) {
      const lt = src.indexOf("<", i);
      if (lt < 0) fail(`<${node.name}> non chiuso`);
      node.text += decode(src.slice(i, lt));
      i = lt;
      if (src.startsWith("<!--", i)) {
        const end = src.indexOf("-->", i);
        if (end < 0) fail("commento non chiuso");
        i = end + 3;
      } else if (src.startsWith("</", i)) {
        const m2 = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(src.slice(i));
        if (!m2 || m2[1] !== node.name) fail(`chiusura attesa di <${node.name}>`);
        i += m2![0].length;
        node.text = node.text.trim();
        return node;
      } else node.children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== src.length) fail("contenuto dopo l'elemento radice");
  return root;
}

function all(node: XmlNode, pred: (n: XmlNode) => boolean, out: XmlNode[] = []): XmlNode[] {
  if (pred(node)) out.push(node);
  for (const c of node.children) all(c, pred, out);
  return out;
}
const local = (n: XmlNode) => n.name.replace(/^.*:/, "");
const byName = (root: XmlNode, name: string) => all(root, (n) => local(n) === name);

const ROOT = path.join(__dirname, "..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(xml);

describe("manifest.xml", () => {
  it("is well-formed XML (and the parser does reject broken XML)", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(() => parseXml("<a><b></a>")).toThrow(/chiusura attesa/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/ripetuto/);
    expect(() => parseXml("<a>&nbsp;</a>")).toThrow(/entità/);
  });

  it("is a task pane add-in for Excel with read/write permission, Italian by default", () => {
    expect(manifest.attrs.get("xsi:type")).toBe("TaskPaneApp");
    expect(byName(manifest, "Id")[0].text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
    expect(byName(manifest, "Version")[0].text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(byName(manifest, "DefaultLocale")[0].text).toBe("it-IT");
    expect(byName(manifest, "Permissions")[0].text).toBe("ReadWriteDocument");
    expect(
      byName(manifest, "Host")
        .filter((h) => h.attrs.get("Name"))
        .map((h) => h.attrs.get("Name"))
    ).toEqual(["Workbook"]);
    const sets = byName(manifest, "Set").map((s) => [
      s.attrs.get("Name"),
      s.attrs.get("MinVersion"),
    ]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
    for (const tag of ["DisplayName", "Description"]) {
      const el = byName(manifest, tag)[0];
      expect(el.attrs.get("DefaultValue")).toBeTruthy();
      expect(
        el.children.find((c) => c.attrs.get("Locale") === "en-US")?.attrs.get("Value")
      ).toBeTruthy();
    }
  });

  it("defines every resid it uses, once, with ids of at most 32 characters", () => {
    const defined = all(
      manifest,
      (n) =>
        ["Image", "Url", "String"].includes(local(n)) &&
        n.attrs.has("id") &&
        n.attrs.has("DefaultValue")
    );
    const ids = defined.map((n) => n.attrs.get("id")!);
    expect(new Set(ids).size).toBe(ids.length);
    const used = all(manifest, (n) => n.attrs.has("resid")).map((n) => n.attrs.get("resid")!);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect(ids).toContain(r);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    // Short strings fit 125 characters, long strings 250.
    for (const s of byName(manifest, "ShortStrings").flatMap((n) => n.children))
      expect(s.attrs.get("DefaultValue")!.length).toBeLessThanOrEqual(125);
    for (const s of byName(manifest, "LongStrings").flatMap((n) => n.children))
      expect(s.attrs.get("DefaultValue")!.length).toBeLessThanOrEqual(250);
  });

  it("has a shared runtime, the PEG namespace and a task pane button on the Home tab", () => {
    const runtime = byName(manifest, "Runtime")[0];
    expect(runtime.attrs.get("lifetime")).toBe("long");
    const cf = all(
      manifest,
      (n) => local(n) === "ExtensionPoint" && n.attrs.get("xsi:type") === "CustomFunctions"
    )[0];
    const resid = (tag: string) =>
      byName(cf, tag)[0].children[0]?.attrs.get("resid") ?? byName(cf, tag)[0].attrs.get("resid");
    expect(resid("Page")).toBe(runtime.attrs.get("resid"));
    const ns = all(
      manifest,
      (n) =>
        local(n) === "String" && n.attrs.get("id") === byName(cf, "Namespace")[0].attrs.get("resid")
    )[0];
    expect(ns.attrs.get("DefaultValue")).toBe("PEG");
    const tab = byName(manifest, "OfficeTab")[0];
    expect(tab.attrs.get("id")).toBe("TabHome");
    const action = byName(tab, "Action")[0];
    expect(action.attrs.get("xsi:type")).toBe("ShowTaskpane");
    expect(byName(action, "SourceLocation")[0].attrs.get("resid")).toBe(runtime.attrs.get("resid"));
  });

  it("keeps every URL on https://localhost:3000 and names files the build produces", () => {
    const urls = [
      ...all(
        manifest,
        (n) => n.attrs.has("DefaultValue") && /^https?:/.test(n.attrs.get("DefaultValue")!)
      ).map((n) => n.attrs.get("DefaultValue")!),
      ...all(
        manifest,
        (n) => local(n) === "Override" && /^https?:/.test(n.attrs.get("Value") ?? "")
      ).map((n) => n.attrs.get("Value")!),
      ...byName(manifest, "AppDomain").map((n) => n.text),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(new URL(u).origin).toBe("https://localhost:3000");
    const files = urls.map((u) => new URL(u).pathname).filter((p) => p !== "/");
    const sources: Record<string, string> = {
      "/taskpane.html": "src/taskpane/taskpane.html",
      "/functions.js": "src/functions/functions.ts",
      "/functions.json": "src/functions/functions.json",
      "/functions-it.json": "src/functions/functions-it.json",
    };
    for (const f of files) {
      const src = f.startsWith("/assets/") ? f.slice(1) : sources[f];
      expect(src).toBeDefined();
      expect(fs.existsSync(path.join(ROOT, src))).toBe(true);
    }
    // The webpack config emits the pages and the metadata the manifest names.
    const webpack = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
    for (const name of [
      "taskpane.html",
      "functions.json",
      "functions-it.json",
      "assets/[name][ext]",
    ])
      expect(webpack).toContain(name);
  });

  it("uses Italian function names by default and English ones in English Excel", () => {
    const meta = all(
      manifest,
      (n) => local(n) === "Url" && n.attrs.get("id") === "Functions.Metadata.Url"
    )[0];
    expect(meta.attrs.get("DefaultValue")).toMatch(/functions-it\.json$/);
    expect(
      meta.children.find((c) => c.attrs.get("Locale") === "en-US")?.attrs.get("Value")
    ).toMatch(/\/functions\.json$/);
  });

  it("has PNG icons of the sizes it declares", () => {
    for (const img of byName(manifest, "Image").filter((n) => n.attrs.get("DefaultValue"))) {
      const file = path.join(ROOT, new URL(img.attrs.get("DefaultValue")!).pathname);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/(\d+)x\d+$/.exec(img.attrs.get("id")!)?.[1]);
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });
});
