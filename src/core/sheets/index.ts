// The structured sheets: one description (sheet model) that the exceljs and Office.js writers render.
export * from "./types";
export * from "./labels";
export * from "./compute";
export * from "./build";
export * from "./native";
export * from "./print";
