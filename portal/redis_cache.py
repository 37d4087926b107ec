"""Django's built-in Redis cache, keeping one redis client per connection pool.

Django's ``RedisCacheClient.get_client()`` builds a new ``redis.Redis`` for every
cache call. With redis-py 8 that costs about 0.3 ms of CPU, half of what a
cached page costs to serve. A ``redis.Redis`` is thread-safe and takes its
connections from the shared pool (which reopens them after a fork), so one
per pool is enough. Everything else is Django's backend unchanged.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(
                    self._servers[index], **self._pool_options
                )
            client = self._client(connection_pool=self._pools[index])
            client = self._clients.setdefault(index, client)
        return client


class PortalRedisCache(RedisCache):
    """Use as BACKEND exactly like ``django.core.cache.backends.redis.RedisCache``."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
