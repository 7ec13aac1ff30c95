"""Every text RunLift sends, split by feature; a leaf that imports only `coaching` types."""
