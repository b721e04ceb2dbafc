process.env.API_STORE = 'esdb';
