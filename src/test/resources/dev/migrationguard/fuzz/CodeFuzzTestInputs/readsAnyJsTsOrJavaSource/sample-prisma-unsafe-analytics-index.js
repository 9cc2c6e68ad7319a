// Analytics worker: reads events from its own tables.
console.log("analytics worker started");
