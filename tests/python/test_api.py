"""The Python API is derived from the library's parameter tables: help texts with every default,
signatures editors show, no name that shadows a parameter."""

import inspect
import pydoc

import robens


def test_help_of_train_shows_every_parameter_with_its_default():
    text = pydoc.render_doc(robens.train, renderer=pydoc.plaintext)
    for algo in robens.algorithms().values():
        assert f"{algo.name}: {algo.summary}" in text
        for p in algo.parameters:
            assert f"{p.python_name}={p.default!r}" in text, (algo.name, p.key)
    for p in robens.problem_parameters() + robens.run_options():
        assert f"{p.python_name}={p.default!r}" in text
    assert "y=7" in text and "lambda_=0.75" in text and "N=321" in text


def test_signature_of_train_lists_the_tables():
    sig = inspect.signature(robens.train)
    assert sig.parameters["N"].default == 321 and sig.parameters["model"].default == "committee"
    assert sig.parameters["X"].kind == inspect.Parameter.POSITIONAL_ONLY
    assert sig.parameters["algo"].default == "rsgd" and sig.parameters["seed"].default == 1
    assert "params" in sig.parameters
    assert inspect.signature(robens.generate).parameters["alpha"].default == 0.5


def test_front_end_arguments_shadow_no_parameter():
    keys = {p.key for p in robens.problem_parameters() + robens.run_options()}
    for algo in robens.algorithms().values():
        keys |= {p.key for p in algo.parameters}
    front = {"X", "y", "algo", "seed", "callback", "progress", "history", "interrupt", "init"}
    # `y` is rsgd's replica count and also the labels: the labels are positional-only.
    assert front & keys == {"y"}
    assert inspect.signature(robens.train).parameters["y"].kind == inspect.Parameter.POSITIONAL_ONLY


def test_parameters_come_from_the_library():
    rsgd = robens.algorithm("rsgd")
    assert rsgd.defaults()["y"] == 7 and rsgd.record_unit == "epoch"
    y = next(p for p in rsgd.parameters if p.key == "y")
    assert y.type == "integer" and y.range == "in [1, 1000]" and y.cli_flag == "--y"
    sgd = robens.algorithm("sgd")
    assert not next(p for p in sgd.parameters if p.key == "y").settable
    d = robens.defaults("rsa")
    assert d["N"] == 321 and d["algo" if "algo" in d else "y"] is not None
    assert list(robens.algorithms()) == ["rsgd", "sgd", "fbp", "rbp", "rsa", "sa", "greedy"]


def test_python_keywords_take_a_trailing_underscore(small_data):
    a = robens.train(*small_data, seed=2, lambda_=0.5, max_epochs=20)
    b = robens.train(*small_data, seed=2, max_epochs=20, **{"lambda": 0.5})
    assert a.params["lambda"] == 0.5 and a.center == b.center


def test_docstrings_everywhere():
    public = [getattr(robens, name) for name in robens.__all__]
    for obj in public:
        assert (obj.__doc__ or "").strip(), obj
    for cls in (robens.Network, robens.Patterns, robens.Result):
        for name, member in vars(cls).items():
            if not name.startswith("_") and callable(getattr(member, "fget", member)):
                assert (member.__doc__ or "").strip(), f"{cls.__name__}.{name}"
    for name in robens.theory.__all__:
        assert getattr(robens.theory, name).__doc__.strip()
    assert robens.__version__.startswith("0.")
