"""Interview flows as validated data, and the small engine that runs them."""

from rhi_assistant.flows.engine import Flow, FlowContext, Page, load_flow

__all__ = ["Flow", "FlowContext", "Page", "load_flow"]
