// Start-up probe (npm run bench): the launcher and an empty bundle.
export {};
