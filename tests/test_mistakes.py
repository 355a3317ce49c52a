"""Learner mistakes (issue 11, round 2): each gets a clear honggong error or one HonggongWarning.

The mistakes tried and how each class is answered are listed in docs/MISTAKES.md; every test here
is one of them. A HonggongError has the facts in English and a "해결:" line in Korean.
"""
import warnings

import numpy as np
import pytest

from honggong import callbacks, layers, losses, optimizers
from honggong.backend import HonggongError
from honggong.checks import HonggongWarning
from honggong.models import Sequential


@pytest.fixture(autouse=True)
def _fresh_names():
    layers.reset_names()
    yield
    layers.reset_names()


def data(n=5000, features=4, classes=10, seed=0):
    r = np.random.default_rng(seed)
    return r.normal(size=(n, features)).astype(np.float32), r.integers(0, classes, n)


def classifier(features=4, classes=10, loss="sparse_categorical_crossentropy", **compile_kw):
    model = Sequential([layers.Input(shape=(features,)), layers.Dense(classes, activation="softmax")])
    model.compile(optimizer="sgd", loss=loss, **compile_kw)
    return model


def raises(call, *phrases):
    """call() raises a HonggongError whose message has each phrase and a 해결: line."""
    with pytest.raises(HonggongError) as info:
        call()
    text = str(info.value)
    for phrase in phrases:
        assert phrase in text, text
    assert "해결:" in text, text
    return text


def no_warnings(call):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return call()


# ---- 1. labels: every row is checked -------------------------------------------------------
@pytest.mark.parametrize("bad", [-1, 10])
def test_a_bad_label_after_row_4096_is_found_before_training(bad):
    x, y = data()
    y[4500] = bad
    model = classifier()
    before = model.get_weights()
    text = raises(lambda: model.fit(x, y, verbose=0), f"label {bad}", "index 4500", "[0, 10)")
    assert "y[4500]" in text
    assert all(np.array_equal(a, b) for a, b in zip(before, model.get_weights()))   # not trained


def test_a_non_integer_label_after_row_4096_is_found():
    x, y = data()
    y = y.astype(np.float32)
    y[4999] = 2.5
    raises(lambda: classifier().fit(x, y, verbose=0), "non-integer value 2.5", "4999")


def test_a_bad_validation_label_is_found():
    x, y = data(200)
    y_val = y[:50].copy()
    y_val[40] = 10
    raises(lambda: classifier().fit(x, y, validation_data=(x[:50], y_val), verbose=0),
           "validation y", "label 10", "index 40")


# ---- 4. fit arguments ----------------------------------------------------------------------
@pytest.mark.parametrize("kw, phrases", [
    ({"batch_size": 0}, ["batch_size", ">= 1", "received 0"]),
    ({"batch_size": -32}, ["batch_size", ">= 1", "received -32"]),
    ({"batch_size": 32.0}, ["batch_size", "expected an integer", "32.0", "batch_size=32"]),
    ({"batch_size": "32"}, ["batch_size", "expected an integer", "'32'", "따옴표 없이"]),
    ({"batch_size": True}, ["batch_size", "expected an integer"]),
    ({"epochs": 2.5}, ["epochs", "expected an integer", "2.5"]),
    ({"epochs": -1}, ["epochs", ">= 0", "received -1"]),
    ({"epochs": None}, ["epochs", "expected an integer", "None"]),
])
def test_fit_arguments_are_checked(kw, phrases):
    x, y = data(100)
    raises(lambda: classifier().fit(x, y, verbose=0, **kw), *phrases)


def test_huge_batch_size_trains_as_one_batch_like_keras():
    x, y = data(100, features=784)               # a buffer of 10**9 rows would be 2.85 TiB
    model = classifier(features=784)
    history = model.fit(x, y, batch_size=10**9, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2
    # one batch of all 100 samples per epoch = one optimizer step per epoch
    assert model.optimizer.iterations == 2


def test_batch_size_none_means_32():
    x, y = data(64)
    model = classifier()
    model.fit(x, y, batch_size=None, verbose=0)
    assert model.optimizer.iterations == 2


def test_epochs_0_says_it_trained_nothing_once():
    x, y = data(100)
    model = classifier()
    with pytest.warns(HonggongWarning, match="trains for 0 epochs") as record:
        history = model.fit(x, y, epochs=0, verbose=0)
    assert history.history == {}
    assert "해결:" in str(record[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error")            # the same mistake again: told once only
        model.fit(x, y, epochs=0, verbose=0)


@pytest.mark.parametrize("method", ["evaluate", "predict"])
@pytest.mark.parametrize("batch_size", [0, 2.0, "8"])
def test_evaluate_and_predict_check_batch_size(method, batch_size):
    x, y = data(20)
    model = classifier()
    args = (x, y) if method == "evaluate" else (x,)
    raises(lambda: getattr(model, method)(*args, batch_size=batch_size, verbose=0), "batch_size")


# ---- 5. validation_data gets the checks x gets -----------------------------------------------
def test_validation_data_without_y():
    x, y = data(100)
    raises(lambda: classifier().fit(x, y, validation_data=x[:20], verbose=0),
           "validation_data expected a tuple (x_val, y_val)", "ndarray of shape (20, 4)",
           "validation_data=(")


def test_validation_data_swapped():
    x, y = data(100)
    raises(lambda: classifier().fit(x, y, validation_data=(y[:20], x[:20]), verbose=0),
           "looks swapped", "(x_val, y_val)")


def test_validation_data_with_nan():
    x, y = data(100)
    x_val = x[:20].copy()
    x_val[7, 2] = np.nan
    raises(lambda: classifier().fit(x, y, validation_data=(x_val, y[:20]), verbose=0),
           "validation x contains 1 NaN", "sample index 7")


def test_validation_data_three_elements_and_wrong_features():
    x, y = data(100)
    raises(lambda: classifier().fit(x, y, validation_data=(x, y, y), verbose=0),
           "tuple of 2 arrays", "3 elements")
    raises(lambda: classifier().fit(x, y, validation_data=(x[:, :3], y), verbose=0),
           "validation x expected samples of shape (4,)", "(100, 3)")


def test_validation_data_lengths_differ():
    x, y = data(100)
    raises(lambda: classifier().fit(x, y, validation_data=(x[:20], y[:19]), verbose=0),
           "same number of samples", "20 and 19")


# ---- 6. evaluate without y, string labels ----------------------------------------------------
def test_evaluate_without_y():
    x, y = data(50)
    raises(lambda: classifier().evaluate(x, verbose=0),
           "evaluate expected targets y", "received None", "model.evaluate(x_test, y_test)")


@pytest.mark.parametrize("method", ["fit", "evaluate"])
def test_string_labels(method):
    x, y = data(50)
    names = np.array(["티셔츠", "바지", "스웨터", "드레스", "코트", "샌달", "셔츠", "스니커즈",
                      "가방", "앵클 부츠"])
    model = classifier()
    raises(lambda: getattr(model, method)(x, names[y], verbose=0),
           "expected numbers", "dtype <U", "클래스 번호")


def test_scalar_y():
    x, _ = data(10)
    raises(lambda: classifier().fit(x, 3, verbose=0), "single number 3")


# ---- 10. warnings for silent mistakes and the learning-rate error ---------------------------
def test_unscaled_pixels_warn_once():
    r = np.random.default_rng(0)
    x = r.integers(0, 256, size=(64, 784)).astype(np.uint8)
    y = r.integers(0, 10, 64)
    model = classifier(features=784)
    with pytest.warns(HonggongWarning, match="raw pixel values") as record:
        model.fit(x, y, verbose=0)
    assert "/ 255.0" in str(record[0].message)
    no_warnings(lambda: model.fit(x, y, verbose=0))                 # told once
    no_warnings(lambda: classifier(features=784).fit(x / 255.0, y, verbose=0))   # scaled: quiet


def test_validation_scaled_unlike_training_warns():
    r = np.random.default_rng(0)
    x = r.integers(0, 256, size=(64, 784)).astype(np.float32)
    y = r.integers(0, 10, 64)
    model = classifier(features=784)
    with pytest.warns(HonggongWarning, match="scaled differently") as record:
        model.fit(x / 255.0, y, validation_data=(x, y), verbose=0)
    assert "해결:" in str(record[0].message)
    no_warnings(lambda: classifier(features=784).fit(x / 255.0, y, validation_data=(x / 255.0, y),
                                                     verbose=0))


def test_from_logits_after_softmax_warns():
    x, y = data(50)
    model = classifier(loss=losses.SparseCategoricalCrossentropy(from_logits=True))
    with pytest.warns(HonggongWarning, match="from_logits=True") as record:
        model.fit(x, y, verbose=0)
    assert "softmax" in str(record[0].message)
    logits = Sequential([layers.Input(shape=(4,)), layers.Dense(10)])
    logits.compile(optimizer="sgd", loss=losses.SparseCategoricalCrossentropy(from_logits=True))
    no_warnings(lambda: logits.fit(x, y, verbose=0))


@pytest.mark.parametrize("lr", [0, 0.0, -0.01, float("nan")])
@pytest.mark.parametrize("cls", [optimizers.SGD, optimizers.Adam, optimizers.RMSprop])
def test_learning_rate_not_positive_is_an_error(cls, lr):
    raises(lambda: cls(learning_rate=lr), "learning_rate must be a positive number")


def test_learning_rate_setter_still_allows_zero_for_experiments():
    opt = optimizers.SGD()
    opt.learning_rate = 0.0
    assert opt.learning_rate == 0.0


@pytest.mark.parametrize("make, owner", [
    (lambda: callbacks.EarlyStopping(monitor="val_los"), "EarlyStopping"),
    (lambda: callbacks.ModelCheckpoint("m.keras", monitor="val_acuracy", save_best_only=True),
     "ModelCheckpoint"),
])
def test_monitor_typo_is_told_at_the_start_of_training(make, owner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    x, y = data(50)
    model = classifier(metrics=["accuracy"])
    seen_at = []

    class Epochs(callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            seen_at.append(epoch)

    cb = make()
    with pytest.warns(HonggongWarning) as record:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)     # Keras' own per-epoch warning
            warnings.simplefilter("always", HonggongWarning)
            model.fit(x, y, validation_split=0.2, callbacks=[Epochs(), cb], epochs=1, verbose=0)
    ours = [w for w in record if issubclass(w.category, HonggongWarning)]
    assert len(ours) == 1
    text = str(ours[0].message)
    assert owner in text and "Did you mean" in text
    assert "'val_loss'" in text if "los" in cb.monitor else "'val_accuracy'" in text
    assert "loss, accuracy, val_loss, val_accuracy" in text


def test_monitor_val_loss_without_validation_data_is_told_at_start():
    x, y = data(50)
    model = classifier()
    with pytest.warns(HonggongWarning, match="no validation data") as record:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("always", HonggongWarning)
            model.fit(x, y, callbacks=[callbacks.EarlyStopping()], epochs=1, verbose=0)
    assert "validation_split=0.2" in str([str(w.message) for w in record])


def test_correct_monitor_is_quiet():
    x, y = data(50)
    model = classifier(metrics=["accuracy"])
    no_warnings(lambda: model.fit(x, y, validation_split=0.2, epochs=2, verbose=0,
                                  callbacks=[callbacks.EarlyStopping(monitor="val_accuracy")]))


def test_custom_loss_function_says_what_is_supported():
    def my_loss(y_true, y_pred):
        return ((y_true - y_pred) ** 2).mean()

    model = Sequential([layers.Input(shape=(4,)), layers.Dense(1)])
    text = raises(lambda: model.compile(optimizer="sgd", loss=my_loss),
                  "custom loss function 'my_loss' is not supported", "no automatic",
                  "mean_squared_error")
    assert "losses.Loss" in text
    model.compile(optimizer="sgd", loss=losses.mean_squared_error)      # honggong's own: fine


# ---- 7. plots --------------------------------------------------------------------------------
def images(n=10):
    return np.random.default_rng(0).random((n, 28, 28))


def test_plot_images_refuses_flattened_rows_with_the_reshape():
    from honggong import plots
    raises(lambda: plots.plot_images(images().reshape(-1, 784)),
           "received shape (10, 784)", "28x28", "x.reshape(-1, 28, 28)")


def test_plot_images_labels_shorter_than_images():
    from honggong import plots
    raises(lambda: plots.plot_images(images(10), np.arange(5)),
           "at least 10 labels for 10 images, received 5", "y[:10]")
    raises(lambda: plots.plot_images(images(10), predictions=np.arange(3)),
           "at least 10 predictions", "received 3")


@pytest.mark.parametrize("bad, phrases", [
    (np.arange(1, 11), ["[0, 10)", "label 10", "labels 1..10", "y - 1"]),
    (np.arange(-1, 9), ["label -1"]),
    (np.array(["a"] * 10), ["class numbers", "dtype <U1"]),
    (np.full(10, 0.5), ["whole class numbers"]),
])
def test_plot_labels_are_checked(bad, phrases):
    from honggong import plots
    raises(lambda: plots.plot_images(images(10), bad), *phrases)


def test_confusion_matrix_with_labels_1_to_10_names_the_range():
    from honggong import plots
    y = np.arange(1, 11)
    raises(lambda: plots.plot_confusion_matrix(y, y), "[0, 10)", "label 10", "1을 빼세요")
    fig = plots.plot_confusion_matrix(y - 1, y - 1)          # the fix works
    assert fig.axes[0].get_title() == "혼동 행렬 (정확도 100.0%)"


def test_plot_images_arguments():
    from honggong import plots
    raises(lambda: plots.plot_images(images(3), ncols=0), "ncols", ">= 1")
    raises(lambda: plots.plot_images(np.zeros((0, 28, 28))), "n >= 1")
    assert len(plots.plot_images(images(4)[..., None]).axes) == 4     # (n, 28, 28, 1) works


# ---- 8. widgets: compile's names and aliases, out-of-range settings ----------------------------
def test_widgets_accept_the_names_compile_accepts():
    from honggong import widgets
    assert widgets.loss_explorer("mse", display=False).loss_dropdown.value == "mean_squared_error"
    assert widgets.loss_explorer("MeanAbsoluteError", display=False).loss_dropdown.value == \
        "mean_absolute_error"
    assert widgets.activation_explorer("ReLU", display=False).activation_dropdown.value == "relu"
    assert widgets.activation_explorer("swish", display=False).activation_dropdown.value == "silu"
    ex = widgets.learning_rate_explorer(optimizer="Adam", train=False, display=False)
    assert ex.optimizer_dropdown.value == "adam"
    ex = widgets.optimizer_explorer(["SGD", "Adam"], steps=3, display=False)
    assert ex.optimizer_select.value == ("sgd", "adam")


def test_widget_name_lists_come_from_the_registries():
    from honggong import activations, optimizers, widgets
    assert set(widgets.OPTIMIZER_NAMES) == {"sgd", "rmsprop", "adam", "adagrad", "adamw", "nadam"}
    assert all(type(optimizers.get(n)).__name__ == widgets.OPTIMIZER_LABELS[n]
               for n in widgets.OPTIMIZER_NAMES)
    assert set(widgets.ACTIVATION_NAMES) == set(activations.NAMES) - {"softmax", "swish"}
    assert widgets.LOSS_NAMES == ("mean_squared_error", "mean_absolute_error", "huber",
                                  "binary_crossentropy")


@pytest.mark.parametrize("call, phrases", [
    (lambda w: w.activation_explorer("rellu", display=False),
     ["Unknown activation for activation_explorer 'rellu'", "Did you mean 'relu'", "sigmoid"]),
    (lambda w: w.loss_explorer("mean_squared_eror", display=False),
     ["Did you mean 'mean_squared_error'", "huber"]),
    (lambda w: w.learning_rate_explorer(optimizer="adma", train=False, display=False),
     ["Did you mean 'adam'", "rmsprop"]),
    (lambda w: w.loss_explorer("categorical_crossentropy", display=False),
     ["loss of one prediction", "binary_crossentropy"]),
    (lambda w: w.activation_explorer("softmax", display=False), ["elementwise activation"]),
    (lambda w: w.learning_rate_explorer(dataset="mnist", train=False, display=False),
     ["Unknown dataset", "fashion_mnist"]),
])
def test_widgets_unknown_names_list_the_valid_ones(call, phrases):
    from honggong import widgets
    raises(lambda: call(widgets), *phrases)


@pytest.mark.parametrize("call, phrases", [
    (lambda w: w.optimizer_explorer(learning_rate=100, display=False),
     ["learning_rate between 0.0001 and 10", "received 100"]),
    (lambda w: w.optimizer_explorer(learning_rate=0, display=False), ["received 0"]),
    (lambda w: w.optimizer_explorer(learning_rate=-1, display=False), ["received -1"]),
    (lambda w: w.optimizer_explorer(steps=1000, display=False), ["steps", "<= 300", "1000"]),
    (lambda w: w.optimizer_explorer(start=(100, 100), display=False),
     ["start x between -10 and 10", "received 100"]),
    (lambda w: w.optimizer_explorer(momentum=1.5, display=False), ["momentum between 0 and 0.99"]),
    (lambda w: w.learning_rate_explorer(epochs=0, train=False, display=False),
     ["epochs", ">= 1", "received 0"]),
    (lambda w: w.learning_rate_explorer(learning_rate=100, train=False, display=False),
     ["learning_rate between"]),
    (lambda w: w.activation_explorer(x=50, display=False), ["x between -5 and 5"]),
    (lambda w: w.loss_explorer(y_pred=10, display=False), ["y_pred between -3 and 3"]),
    (lambda w: w.loss_explorer("binary_crossentropy", y_true=0.5, display=False),
     ["label y_true 0 or 1"]),
])
def test_widget_settings_out_of_range_are_refused_not_clamped(call, phrases):
    from honggong import widgets
    raises(lambda: call(widgets), *phrases)


def test_loss_explorer_binary_label_is_used():
    from honggong import widgets
    assert widgets.loss_explorer("bce", y_true=0, y_pred=0.5, display=False).label_toggle.value == 0
    assert widgets.loss_explorer("bce", y_pred=0.5, display=False).label_toggle.value == 1


# ---- issue 9: one error form in surfaces, trajectory, plots, widgets ---------------------------
@pytest.mark.parametrize("call", [
    lambda: __import__("honggong.surfaces").surfaces.get("bowll"),
    lambda: __import__("honggong.surfaces").surfaces.ill_conditioned(0.5),
    lambda: __import__("honggong.surfaces").surfaces.bowl().gradient([1.0, 2.0, 3.0]),
    lambda: __import__("honggong.trajectory").trajectory.trajectory("sgd", steps=-1),
    lambda: __import__("honggong.trajectory").trajectory.trajectory("sgd", start=(1.0,)),
    lambda: __import__("honggong.trajectory").trajectory.trajectory(42),
])
def test_visual_layer_errors_have_the_facts_then_a_fix_line(call):
    text = raises(call)
    facts, fix = text.split("\n해결:")
    assert "xpected" in facts and fix.strip()


# ---- more mistakes found while hunting (round 2) ------------------------------------------------
def test_history_key_missing_says_why():
    x, y = data(50)
    history = classifier(metrics=["accuracy"]).fit(x, y, verbose=0)
    with pytest.raises(KeyError) as info:                   # still a KeyError, as with a dict
        history.history["val_accuracy"]
    assert isinstance(info.value, HonggongError)
    text = str(info.value)
    assert text.startswith("history has no key 'val_accuracy'. Keys: accuracy, loss.")
    assert "validation_split=0.2" in text and "\n해결:" in text
    assert history.history.get("val_loss") is None and list(history.history) == ["accuracy", "loss"]


def test_predict_one_sample_without_the_batch_axis():
    model = Sequential([layers.Input(shape=(28, 28)), layers.Flatten(), layers.Dense(3)])
    raises(lambda: model.predict(np.zeros((28, 28)), verbose=0),
           "one sample without the batch axis", "x[None]")


@pytest.mark.parametrize("verbose", ["yes", 3, -1, 1.5, None])
def test_verbose_is_checked(verbose):
    x, y = data(20)
    raises(lambda: classifier().fit(x, y, verbose=verbose), "`verbose` expected 'auto', 0, 1 or 2")


def test_callback_class_instead_of_object():
    x, y = data(20)
    raises(lambda: classifier().fit(x, y, verbose=0, callbacks=[callbacks.EarlyStopping]),
           "received the class EarlyStopping", "EarlyStopping(...)")


def test_keras2_input_shape_as_an_int():
    with pytest.warns(UserWarning, match="Keras 2 style"):
        model = Sequential([layers.Dense(3, input_shape=784)])
    assert model.input_shape == (None, 784)


def test_evaluate_with_nan_targets():
    x, y = data(20)
    y = y.astype(np.float32)
    y[3] = np.nan
    raises(lambda: classifier().evaluate(x, y, verbose=0), "y contains 1 NaN", "sample index 3")


@pytest.mark.parametrize("method, kw, phrases", [
    ("fit", {"class_weight": {0: 2.0}}, ["`class_weight` is not supported", "every class counts once"]),
    ("fit", {"sample_weight": np.ones(20)}, ["`sample_weight` is not supported"]),
    ("fit", {"steps_per_epoch": 5}, ["`steps_per_epoch` is not supported"]),
    ("fit", {"epoch": 5}, ["unexpected keyword argument `epoch`", "Did you mean `epochs`"]),
    ("fit", {"validation_date": None}, ["Did you mean `validation_data`"]),
    ("evaluate", {"sample_weight": np.ones(20)}, ["`sample_weight` is not supported"]),
    ("predict", {"steps": 2}, ["`steps` is not supported"]),
])
def test_keras_arguments_honggong_leaves_out_and_typos(method, kw, phrases):
    x, y = data(20)
    args = (x,) if method == "predict" else (x, y)
    raises(lambda: getattr(classifier(), method)(*args, verbose=0, **kw), *phrases)


@pytest.mark.parametrize("make, phrases", [
    (lambda: callbacks.EarlyStopping(patience="2"), ["`patience` expected an integer", "'2'"]),
    (lambda: callbacks.EarlyStopping(patience=-1), ["`patience` expected an integer >= 0"]),
    (lambda: callbacks.EarlyStopping(monitor=["val_loss"]), ["`monitor` expected a string"]),
    (lambda: callbacks.ReduceLROnPlateau(factor="0.5"), ["`factor` expected a number"]),
    (lambda: layers.Flatten(784), ["Flatten expected name to be a string, received 784"]),
])
def test_callback_and_layer_arguments(make, phrases):
    raises(make, *phrases)


# ---- optimizer hyperparameters out of range (checked in the constructor) ------------------
@pytest.mark.parametrize("make, phrases", [
    (lambda: optimizers.Adam(beta_1=1.5), ["Adam: argument `beta_1`", "[0.0, 1.0)", "received 1.5"]),
    (lambda: optimizers.Adam(beta_1=1), ["`beta_1`", "[0.0, 1.0)", "received 1.0"]),
    (lambda: optimizers.Adam(beta_2=-0.1), ["`beta_2`", "[0.0, 1.0)", "received -0.1"]),
    (lambda: optimizers.Adam(epsilon=-1), ["`epsilon`", "(0.0, inf)", "received -1.0"]),
    (lambda: optimizers.Adam(epsilon=0), ["`epsilon`", "(0.0, inf)", "received 0.0"]),
    (lambda: optimizers.Nadam(beta_2=1.0), ["Nadam: argument `beta_2`", "[0.0, 1.0)"]),
    (lambda: optimizers.AdamW(weight_decay=-0.004), ["AdamW: argument `weight_decay`", "[0.0, inf)"]),
    (lambda: optimizers.RMSprop(rho="0.9"), ["RMSprop: argument `rho` expected a number", "'0.9'"]),
    (lambda: optimizers.RMSprop(rho=1.0), ["`rho`", "[0.0, 1.0)", "received 1.0"]),
    (lambda: optimizers.RMSprop(momentum=-0.5), ["RMSprop: argument `momentum`", "[0.0, 1.0]"]),
    (lambda: optimizers.RMSprop(epsilon=float("nan")), ["`epsilon`", "received nan"]),
    (lambda: optimizers.SGD(momentum=-1), ["SGD: argument `momentum`", "[0.0, 1.0]", "received -1.0"]),
    (lambda: optimizers.SGD(momentum=True), ["`momentum` expected a number", "True (type bool)"]),
    (lambda: optimizers.Adagrad(initial_accumulator_value=-1),
     ["Adagrad: argument `initial_accumulator_value`", "[0.0, inf)", "received -1.0"]),
    (lambda: optimizers.Adagrad(initial_accumulator_value="0.1"),
     ["`initial_accumulator_value` expected a number"]),
    (lambda: optimizers.SGD(weight_decay=-1), ["SGD: argument `weight_decay`", "[0.0, inf)"]),
    (lambda: optimizers.SGD(clipnorm=0), ["`clipnorm`", "(0.0, inf)", "received 0.0"]),
    (lambda: optimizers.Adam(clipvalue=-1), ["`clipvalue`", "(0.0, inf)", "received -1.0"]),
    (lambda: optimizers.Adam(global_clipnorm="1"), ["`global_clipnorm` expected a number"]),
])
def test_optimizer_hyperparameter_out_of_range_is_an_error(make, phrases):
    raises(make, *phrases)


def test_optimizer_hyperparameters_in_range_are_kept():
    opt = optimizers.SGD(momentum=np.float32(0.5), clipnorm=1, weight_decay=0)
    assert (opt.momentum, opt.clipnorm, opt.weight_decay) == (0.5, 1.0, 0.0)
    adam = optimizers.Adam(beta_1=0, beta_2=0.5, epsilon=1e-8)
    assert (adam.beta_1, adam.beta_2, adam.epsilon) == (0.0, 0.5, 1e-8)
    assert optimizers.RMSprop(rho=0.0, momentum=1).momentum == 1.0


# ---- a layer as Dense's activation ---------------------------------------------------------
@pytest.mark.parametrize("activation, phrases", [
    (layers.ReLU, ["the layer class ReLU", "activation=keras.layers.ReLU()", "activation='relu'"]),
    (layers.Softmax, ["the layer class Softmax", "activation='softmax'"]),
    (layers.Dense, ["the layer class Dense"]),
    (lambda: layers.Dense(3), ["received a Dense layer"]),
])
def test_a_layer_class_or_a_non_activation_layer_as_activation_is_an_error(activation, phrases):
    if not isinstance(activation, type):
        activation = activation()
    raises(lambda: layers.Dense(4, activation=activation), "Dense: argument `activation`", *phrases)


def test_an_activation_layer_object_as_activation_works_like_its_name():
    x = np.linspace(-2, 2, 12, dtype=np.float32).reshape(3, 4)
    kernel = np.eye(4, 3, dtype=np.float32)
    for activation, name in [(layers.ReLU(), "relu"), (layers.LeakyReLU(0.2), "leaky_relu"),
                             (layers.Softmax(), "softmax"), (layers.Activation("tanh"), "tanh")]:
        dense, ref = layers.Dense(3, activation=activation), layers.Dense(3, activation=name)
        for d in (dense, ref):
            d.build((None, 4))
            d.set_weights([kernel, np.zeros(3, np.float32)])
        np.testing.assert_array_equal(dense(x), ref(x))
        assert dense.activation.name == name
        assert type(dense.activation).__name__ != "CustomActivation"    # the exact derivative
    assert layers.Dense(3, activation=layers.LeakyReLU(0.2)).get_config()["activation"]["config"] == \
        {"name": "leaky_relu", "negative_slope": 0.2}
