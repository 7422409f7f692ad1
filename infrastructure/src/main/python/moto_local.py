"""The local stack's DynamoDB, DynamoDB Streams, Cognito user pools, S3 and SNS: moto's server, in memory, one request at a time.

moto's own `moto_server` serves requests on threads, and moto's TransactWriteItems is not isolated from a write
on another thread: two bookings of one slot can both pass their conditions. Served on one thread, every call
runs alone, as each DynamoDB call is atomic. For the same reason connections are not kept alive (HTTP/1.0): a
client holding an idle connection would block every other client.

Four changes to moto 5.2.1 keep it usable for a whole test run, a benchmark or a day of `./civicdesk run`; with
none does a call answer other than DynamoDB would:
- TransactWriteItems saves the items it writes and puts them back if it is cancelled, where moto copies every
  table it touches, whole, stream history included, so that each transaction took longer as the tables grew.
- Query reads the one partition it names (an index Query still reads every item), where moto sorts the whole
  table first: 56 ms a Query in a table of 3,000 items. The results are sorted afterwards either way.
- A Scan keeps the table's key order until the next write and starts a page just after the key the last page
  ended on, where moto sorted the whole table and walked it from the start for every page (a page of a table of
  100,000 items took over 30 s).
- Shard iterators expire after 15 minutes, as on AWS (ExpiredIteratorException), where moto keeps every iterator
  it ever issued: a stream poller takes a new one four times a second.

One change is to what a call answers, for the demo only: a user created with an email named in the environment
variable CIVICDESK_FIXED_SUBS (a JSON object, email to sub) gets that sub (and, in a pool whose username is the
email, that username) instead of a random UUID, so the demo's staff keep the ids that its requests, the tests and
the docs name. Cognito itself always makes the sub up.

One path is the local stack's own: GET /civicdesk/texts lists every text message SNS Publish took (moto keeps them
and sends nothing), oldest first, as JSON, for the local Texts page and the tests; moto's /moto-api/data.json has
them too, but with every item of every table beside them.

    python3 moto_local.py [--host 127.0.0.1] [--port 0]

Port 0 (the default) takes a free port. Once it accepts connections it prints "moto listening on PORT". It stops
when its standard input closes, so it does not outlive the JVM that started it, however that JVM ends.
"""

import argparse
import bisect
import copy
import inspect
import json
import os
import sys
import threading
import time

import moto.dynamodb.models
from moto.cognitoidp.models import CognitoIdpUser
from moto.core.exceptions import JsonRESTError
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table
from moto.dynamodbstreams.models import DynamoDBStreamsBackend, ShardIterator
from moto.sns.models import sns_backends
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import WSGIRequestHandler, make_server

SHARD_ITERATOR_LIFETIME_SECONDS = 15 * 60


class QuietRequestHandler(WSGIRequestHandler):
    """Leaves out the line per request; errors are still printed."""

    def log_request(self, code="-", size="-"):
        pass


class CopyingAllButTables:
    """moto.dynamodb.models' `copy`, except that a table is not copied: its transaction rollback is then a no-op,
    and undo_cancelled_transactions puts back what the transaction wrote."""

    @staticmethod
    def deepcopy(value, memo=None):
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


def undo_cancelled_transactions(transact_write_items):
    def saving_what_it_writes(backend, transact_items):
        before = {}
        stream_lengths = {}
        for entry in transact_items:
            operation = next(iter(entry.values()), {})
            table = backend.tables.get(operation.get("TableName"))
            attributes = operation.get("Key") or operation.get("Item") or {}
            if table is None or table.hash_key_attr not in attributes:
                continue  # moto refuses it before writing anything
            hash_value = DynamoType(attributes[table.hash_key_attr])
            range_value = None
            if table.range_key_attr is not None:
                if table.range_key_attr not in attributes:
                    continue
                range_value = DynamoType(attributes[table.range_key_attr])
            before.setdefault((table.name, hash_value, range_value),
                              copy.deepcopy(table.get_item(hash_value, range_value)))
            if table.stream_shard is not None:
                stream_lengths.setdefault(table.name, len(table.stream_shard.items))
        try:
            return transact_write_items(backend, transact_items)
        except BaseException:
            for (table_name, hash_value, range_value), item in before.items():
                put_back(backend.tables[table_name], hash_value, range_value, item)
            for table_name, length in stream_lengths.items():
                del backend.tables[table_name].stream_shard.items[length:]
            raise

    return saving_what_it_writes


def put_back(table, hash_value, range_value, item):
    """The item as it was before (None: there was none)."""
    table.scan_order = None
    partition = table.items if range_value is None else table.items[hash_value]
    key = hash_value if range_value is None else range_value
    if item is None:
        partition.pop(key, None)
    else:
        partition[key] = item


def query_without_sorting_the_table(query):
    parameters = inspect.signature(query)

    def reading_only_what_it_sorts(table, *args, **kwargs):
        arguments = parameters.bind(table, *args, **kwargs).arguments
        if arguments.get("index_name"):
            items = unsorted_items(table)
        else:
            items = partition_items(table, arguments["hash_key"])
        table.all_items = lambda: items
        try:
            return query(table, *args, **kwargs)
        finally:
            del table.all_items

    return reading_only_what_it_sorts


def unsorted_items(table):
    if table.range_key_attr is None:
        return list(table.items.values())
    return [item for partition in table.items.values() for item in partition.values()]


def partition_items(table, hash_value):
    partition = table.items.get(hash_value)
    if partition is None:
        return []
    return [partition] if table.range_key_attr is None else list(partition.values())


def scan_from_where_the_last_page_ended(scan):
    parameters = inspect.signature(scan)

    def resuming(table, *args, **kwargs):
        call = parameters.bind(table, *args, **kwargs)
        if call.arguments.get("index_name"):
            return scan(table, *args, **kwargs)
        items = scan_order(table)
        start = call.arguments.get("exclusive_start_key")
        if start:
            items = items[bisect.bisect_right(items, start_key(table, start), key=sort_key):]
            call.arguments["exclusive_start_key"] = None
        table.all_items = lambda: items
        try:
            return scan(*call.args, **call.kwargs)
        finally:
            del table.all_items

    return resuming


def scan_order(table):
    """moto's all_items (every item in key order), sorted again only after a write."""
    if getattr(table, "scan_order", None) is None:
        table.scan_order = Table.all_items(table)
    return table.scan_order


def sort_key(item):
    """As moto's all_items sorts."""
    return (item.hash_key, item.range_key) if item.range_key else item.hash_key


def start_key(table, exclusive_start_key):
    hash_value = DynamoType(exclusive_start_key[table.hash_key_attr])
    if table.range_key_attr is None:
        return hash_value
    return hash_value, DynamoType(exclusive_start_key[table.range_key_attr])


def forgetting_the_scan_order(write):
    def writing(table, *args, **kwargs):
        table.scan_order = None
        return write(table, *args, **kwargs)

    return writing


def expire_shard_iterators(get_records):
    def reading_unexpired(backend, iterator_arn, limit):
        now = time.monotonic()
        for arn in [arn for arn, it in backend.shard_iterators.items() if now - it.issued > SHARD_ITERATOR_LIFETIME_SECONDS]:
            del backend.shard_iterators[arn]
        if iterator_arn not in backend.shard_iterators:
            raise JsonRESTError("ExpiredIteratorException", "Iterator expired. The iterator was created more than 15 minutes ago.")
        return get_records(backend, iterator_arn, limit)

    return reading_unexpired


def noting_when_issued(init):
    def init_noting_time(iterator, *args, **kwargs):
        iterator.issued = time.monotonic()
        init(iterator, *args, **kwargs)

    return init_noting_time


def fixing_subs(init, subs):
    def init_with_fixed_sub(user, user_pool_id, username, *args, **kwargs):
        init(user, user_pool_id, username, *args, **kwargs)
        fixed = subs.get(user.attribute_lookup.get("email", ""))
        if fixed is not None:
            if user.username == user.id:
                user.username = fixed
            user.id = fixed
            user.update_attributes([{"Name": "sub", "Value": fixed}])

    return init_with_fixed_sub


def change_moto():
    moto.dynamodb.models.copy = CopyingAllButTables
    DynamoDBBackend.transact_write_items = undo_cancelled_transactions(DynamoDBBackend.transact_write_items)
    Table.query = query_without_sorting_the_table(Table.query)
    Table.scan = scan_from_where_the_last_page_ended(Table.scan)
    Table.put_item = forgetting_the_scan_order(Table.put_item)
    Table.delete_item = forgetting_the_scan_order(Table.delete_item)
    ShardIterator.__init__ = noting_when_issued(ShardIterator.__init__)
    DynamoDBStreamsBackend.get_records = expire_shard_iterators(DynamoDBStreamsBackend.get_records)
    subs = json.loads(os.environ.get("CIVICDESK_FIXED_SUBS") or "{}")
    if subs:
        CognitoIdpUser.__init__ = fixing_subs(CognitoIdpUser.__init__, subs)


def with_texts(app):
    """The app, with GET /civicdesk/texts answering the texts moto's SNS kept."""
    def serve(environ, start_response):
        if environ.get("PATH_INFO") != "/civicdesk/texts" or environ.get("REQUEST_METHOD") != "GET":
            return app(environ, start_response)
        texts = [{"messageId": message_id, "phoneNumber": phone, "message": message, "region": region}
                 for account in list(sns_backends.values()) for region, backend in list(account.items())
                 for message_id, (phone, message) in list(backend.sms_messages.items())]
        body = json.dumps({"texts": texts}).encode("utf-8")
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]
    return serve


def exit_when_parent_goes():
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()

    change_moto()
    server = make_server(args.host, args.port, with_texts(DomainDispatcherApplication(create_backend_app)), threaded=False,
                         request_handler=QuietRequestHandler)
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    print(f"moto listening on {server.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
