"""Serotonin Lessons: an offline psychoeducation app for clinics."""

__version__ = "0.1.0"
APP_NAME = "Serotonin Lessons"
