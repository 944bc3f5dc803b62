"""The sandbox's state: records, deterministic ids and the rollback journal."""
