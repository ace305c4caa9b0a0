-- device_event_newest_idx (product_id, occurred_at, event_id) serves every query that device_event_occurred_idx
-- (product_id, occurred_at) served, as its prefix. The second index only cost every stored event one more index entry
-- to write (and, on H2, more pages to write at every commit of the MQTT endpoint's group commit): BENCHMARKS.md.
DROP INDEX device_event_occurred_idx;
