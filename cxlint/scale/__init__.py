"""Running cxlint beyond one machine: files and archive slices mapped over a Dask cluster."""
