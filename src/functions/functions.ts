// Custom functions PEG.* (placeholder while the functions are built).
export {};
