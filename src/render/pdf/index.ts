// Shared PDF building blocks (pdfkit): the document with embedded fonts and fixed dates, a pen
// that measures or draws, keep-together placement, footers, and vector marks. No file I/O here.
export * from "./blocks.js";
export * from "./document.js";
export * from "./flow.js";
export * from "./pen.js";
export * from "./shapes.js";
