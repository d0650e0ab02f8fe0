"""The Kumamoto City staff growth handbook: policy model, loading, validation and rendering."""
