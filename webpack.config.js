/* eslint-disable */
// Webpack for the Excel add-in: the task pane (also the shared runtime page) and the custom
// functions. The exceljs-backed standalone code is reached only through import() so it stays
// out of the chunks Office loads. Output: dist/ (dist/cli is the esbuild CLI, left alone).
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");

const DEV_URL = "https://localhost:3000/";
const TARGET = "es2018";

/** HTTPS options for the dev server: office-addin-dev-certs when it works, else its files, else webpack's own. */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch {
    // office-addin-dev-certs cannot trust its CA without sudo and then throws: read its files directly.
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
    if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
      const out = {};
      for (const [k, f] of Object.entries(files)) out[k] = fs.readFileSync(path.join(dir, f));
      return out;
    }
    return undefined; // webpack-dev-server generates a self-signed certificate
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const https = dev && argv.env && argv.env.WEBPACK_SERVE ? await httpsOptions() : undefined;
  return {
    // No eval-based source maps: the pane runs under a CSP without 'unsafe-eval'.
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      publicPath: "auto",
      // The runtime then reads globalThis directly instead of falling back to new Function("return this").
      environment: { globalThis: true, arrowFunction: true, const: true, destructuring: true, optionalChaining: true },
      clean: { keep: /^(cli|bench\.cjs)/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // exceljs's browser build wants Node core modules it never uses in the browser.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, buffer: false, util: false, zlib: false, events: false, string_decoder: false, timers: false, url: false },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: TARGET, jsx: "automatic", tsconfig: path.resolve(__dirname, "tsconfig.json") },
        },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: TARGET })],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: taskpane.js imports the custom functions, so this page registers them too.
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", context: __dirname, info: { minimized: true } },
          { from: "src/functions/functions.json", to: "functions.json", info: { minimized: true } },
          { from: "src/functions/functions-it.json", to: "functions-it.json", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            info: { minimized: true },
            // Production manifests point at the deployed host; set ADDIN_URL to rewrite localhost.
            transform: (content) => {
              if (!process.env.ADDIN_URL) return content;
              const base = process.env.ADDIN_URL.replace(/\/?$/, "/");
              // Page URLs get the full base; the AppDomain (an origin) gets the origin.
              return content.toString().split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(new URL(base).origin);
            },
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "https" },
      static: { directory: path.resolve(__dirname, "dist") },
      hot: false,
      liveReload: false,
      // No injected client: the pane's CSP allows only its own scripts and Office.js.
      client: false,
    },
  };
};
