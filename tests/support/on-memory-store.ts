process.env.API_STORE = 'memory';
